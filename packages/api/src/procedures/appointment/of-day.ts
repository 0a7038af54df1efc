import { appointmentsOfDay } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** The day's residents' appointments at a unit, for its staff (phones masked). */
export const ofDay = permittedProcedure('organisation.read')
  .input(z.object({ organisationId: z.uuid(), day: z.iso.date({ message: 'validation.date_invalid' }) }))
  .query(({ ctx, input }) => appointmentsOfDay(ctx.tx, ctx.actor, input));
