import { caseProcedure } from '@linju/plugin-sdk';
import { setReceivedDocuments, ZSetReceivedDocumentsRequest } from '../documents-checklist.ts';
import { matterOfCase } from '../matter-of-case.ts';

/** Ticks the documents the office has received for a notarial case (the whole set). */
export const setDocuments = caseProcedure({
  kind: 'mutation',
  permission: 'notary.matter.accept',
  input: ZSetReceivedDocumentsRequest,
  run: async (ctx, input) => {
    const checklist = await setReceivedDocuments(ctx.db, matterOfCase(ctx.case), input, ctx.actor.name);
    const received = checklist.items.filter((i) => i.received).length;
    await ctx.recordOnTimeline({
      text: checklist.complete
        ? `公证材料已收齐（${received}/${checklist.items.length}）`
        : `公证材料已收 ${received}/${checklist.items.length}，尚缺 ${checklist.missing.length} 项`,
      action: 'notary.documents.received',
      data: { event: 'documents-received', received, missing: checklist.missing },
    });
    return checklist;
  },
});
