import { recordFileReview, ZRecordReviewRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

export const review = permittedProcedure('file-review.conduct')
  .input(ZRecordReviewRequest)
  .mutation(({ ctx, input }) => recordFileReview(ctx.tx, ctx.actor, input));
