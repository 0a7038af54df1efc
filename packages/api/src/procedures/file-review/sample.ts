import {
  drawFileReviewSample,
  getFileReviewSample,
  listFileReviewSamples,
  ZDrawSampleRequest,
} from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const getSamples = permittedProcedure('file-review.conduct').query(({ ctx }) =>
  listFileReviewSamples(ctx.tx, ctx.actor),
);

export const getSample = permittedProcedure('file-review.conduct')
  .input(z.object({ id: z.uuid() }))
  .query(({ ctx, input }) => getFileReviewSample(ctx.tx, ctx.actor, input));

/** Draws a reproducible random sample of a unit's cases closed in a month (one per unit and month). */
export const drawSample = permittedProcedure('file-review.conduct')
  .input(ZDrawSampleRequest)
  .mutation(({ ctx, input }) => drawFileReviewSample(ctx.tx, ctx.actor, input));
