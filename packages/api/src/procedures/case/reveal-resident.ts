import { revealCaseResident } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** The resident's full phone or ID number; each reading is recorded in the audit log. */
export const revealResident = permittedProcedure('case.handle')
  .input(z.object({ caseId: z.uuid(), field: z.enum(['phone', 'idNumber']) }))
  .mutation(({ ctx, input }) => revealCaseResident(ctx.tx, ctx.actor, ctx.box, input));
