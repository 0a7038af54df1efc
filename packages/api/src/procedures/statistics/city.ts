import { getCityStatistics } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** 市局汇总: the districts' monthly figures as their signed statistics messages brought them. */
export const getCity = permittedProcedure('statistics.read')
  .input(z.object({ month: z.string() }))
  .query(({ ctx, input }) => getCityStatistics(ctx.tx, ctx.actor, input));
