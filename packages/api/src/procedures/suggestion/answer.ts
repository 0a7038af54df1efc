import { answerSuggestion, DomainError, ZAnswerSuggestionRequest } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/**
 * Staff answer a suggestion. `link` is the district's suggestion page as the public site spells it
 * (the admin app's `publicSitePaths`): the SMS to the resident carries it, so it must be this
 * district's public site.
 */
export const answer = permittedProcedure('suggestion.answer')
  .input(ZAnswerSuggestionRequest.extend({ link: z.string().max(200) }))
  .mutation(({ ctx, input: { link, ...input } }) => {
    if (!link.startsWith(`/t/${ctx.tenant.slug}/public/`))
      throw new DomainError('bad-request', 'validation.invalid_format', { field: 'link' });
    return answerSuggestion(ctx.tx, ctx.actor, ctx.box, input, link);
  });
