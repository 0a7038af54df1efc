import { listVolunteers } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** The volunteers of the caller's units with their service minutes in `month`. */
export const getMany = permittedProcedure('volunteer.read')
  .input(z.object({ organisationId: z.uuid().nullish(), month: z.string() }))
  .query(({ ctx, input }) => listVolunteers(ctx.tx, ctx.actor, input));
