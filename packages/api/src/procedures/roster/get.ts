import { getRoster } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** A unit's rota: weekly duty slots and themed days a year ahead from `fromMonth` (public to residents). */
export const get = permittedProcedure('organisation.read')
  .input(z.object({ organisationId: z.uuid(), fromMonth: z.string() }))
  .query(({ ctx, input }) => getRoster(ctx.tx, input));
