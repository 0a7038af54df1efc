import { listCaseConsents } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** The consents of a case's resident, standing and withdrawn. */
export const getMany = permittedProcedure('case.read')
  .input(z.object({ caseId: z.uuid() }))
  .query(({ ctx, input }) => listCaseConsents(ctx.tx, ctx.actor, input));
