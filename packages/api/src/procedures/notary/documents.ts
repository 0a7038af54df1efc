import { DomainError, type LoadedCase, onPluginCase } from '@linju/core';
import {
  documentsChecklist,
  isNotaryMatter,
  notaryIntakeForm,
  receivedDocuments,
  setReceivedDocuments,
  ZSetReceivedDocumentsRequest,
} from '@linju/plugin-notary';
import { z } from 'zod';
import { pluginPermittedProcedure } from '../../trpc.ts';

/** The notarial matter of a case: the intake form's answer, else the category chosen at triage. */
function matterOf(c: LoadedCase) {
  const intake = notaryIntakeForm.safeParse(c.row.form);
  const matter = intake.success ? intake.data.matterType : c.row.category;
  if (!isNotaryMatter(matter)) {
    throw new DomainError('bad-request', 'notary.case_has_no_matter', { field: 'caseId' });
  }
  return matter;
}

/** A notarial case's documents checklist: what its matter needs, what was received, what is missing. */
export const getDocuments = pluginPermittedProcedure('notary.matter.view')
  .input(z.object({ caseId: z.uuid() }))
  .query(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'notary', input.caseId, ctx.carrier, async (db, c) => ({
      result: documentsChecklist(matterOf(c), await receivedDocuments(db, input.caseId)),
    })),
  );

/** Ticks the documents the office has received for a notarial case (the whole set). */
export const setDocuments = pluginPermittedProcedure('notary.matter.accept')
  .input(ZSetReceivedDocumentsRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'notary', input.caseId, ctx.carrier, async (db, c) => {
      const checklist = await setReceivedDocuments(db, matterOf(c), input, ctx.actor.name);
      const received = checklist.items.filter((i) => i.received).length;
      return {
        result: checklist,
        timeline: {
          text: checklist.complete
            ? `公证材料已收齐（${received}/${checklist.items.length}）`
            : `公证材料已收 ${received}/${checklist.items.length}，尚缺 ${checklist.missing.length} 项`,
          action: 'notary.documents.received',
          data: { event: 'documents-received', received: received, missing: checklist.missing },
        },
      };
    }),
  );
