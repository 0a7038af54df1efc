import { listCalendarDays } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** The holidays and make-up working days of a year. */
export const getMany = permittedProcedure('case.read')
  .input(z.object({ year: z.number().int().min(2000).max(2100) }))
  .query(({ ctx, input }) => listCalendarDays(ctx.tx, input));
