import { currentChecklist, getInspectionChecklist, listChecklistVersions } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** 检查表: one version of the checklist (the current one without an id) and the list of versions. */
export const getChecklist = permittedProcedure('inspection.read')
  .input(z.object({ id: z.uuid().nullish() }))
  .query(async ({ ctx, input }) => ({
    checklist: input.id ? await getInspectionChecklist(ctx.tx, input.id) : await currentChecklist(ctx.tx),
    versions: await listChecklistVersions(ctx.tx),
  }));
