import { listSuggestions, ZListSuggestionsRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** The suggestion box for the staff who answer it, newest first. */
export const getMany = permittedProcedure('suggestion.answer')
  .input(ZListSuggestionsRequest)
  .query(({ ctx, input }) => listSuggestions(ctx.tx, ctx.actor, input));
