import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { documentsChecklist, receivedDocuments } from '../documents-checklist.ts';
import { matterOfCase } from '../matter-of-case.ts';

/** A notarial case's documents checklist: what its matter needs, what was received, what is missing. */
export const getDocuments = caseProcedure({
  kind: 'query',
  permission: 'notary.matter.view',
  input: z.object({ caseId: z.uuid() }),
  run: async (ctx, input) =>
    documentsChecklist(matterOfCase(ctx.case), await receivedDocuments(ctx.db, input.caseId)),
});
