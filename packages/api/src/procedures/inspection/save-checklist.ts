import { saveInspectionChecklist, ZSaveChecklistRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Saves the checklist as a new version; inspections already recorded keep theirs. */
export const saveChecklist = permittedProcedure('inspection.checklist.manage')
  .input(ZSaveChecklistRequest)
  .mutation(({ ctx, input }) => saveInspectionChecklist(ctx.tx, ctx.actor, input));
