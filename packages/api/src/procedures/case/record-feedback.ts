import { recordResidentFeedback, ZFeedbackRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const recordFeedback = permittedProcedure('case.handle')
  .input(ZFeedbackRequest)
  .mutation(({ ctx, input }) => recordResidentFeedback(ctx.tx, ctx.actor, input));
