import { getCase } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** The case page: case, masked resident, parties, timeline, documents, conferences, feedback. */
export const get = permittedProcedure('case.read')
  .input(z.object({ caseId: z.uuid() }))
  .query(({ ctx, input }) => getCase(ctx.tx, ctx.actor, input));
