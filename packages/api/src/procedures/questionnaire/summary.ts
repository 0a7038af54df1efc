import { getRoundSummary, ZRoundIdRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** A round's figures: responses, response rate, counts per option, scale means, free texts. */
export const summary = permittedProcedure('questionnaire.read')
  .input(ZRoundIdRequest)
  .query(({ ctx, input }) => getRoundSummary(ctx.tx, ctx.actor, input));
