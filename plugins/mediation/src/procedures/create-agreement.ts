import { caseProcedure } from '@linju/plugin-sdk';
import { agreementDocument } from '../agreement-document.ts';
import {
  getMediationRecord,
  recordAgreement,
  requireAgreementOpen,
  ZDraftAgreementRequest,
} from '../mediation-record.ts';
import { recordText } from '../messages.ts';
import { caseDispute } from './case-dispute.ts';

/**
 * Drafts the mediation agreement from the case: the PDF (in Chinese, laid out as an official
 * document) is stored as a case document and the agreement records its terms. Redrafting replaces
 * an agreement no party has confirmed yet.
 */
export const createAgreement = caseProcedure({
  kind: 'mutation',
  permission: 'mediation.agreement.create',
  input: ZDraftAgreementRequest,
  run: async (ctx, input) => {
    const form = await caseDispute(ctx.case);
    await requireAgreementOpen(ctx.db, input.caseId);
    const { mediators } = await getMediationRecord(ctx.db, input.caseId);
    const organisation = await ctx.organisations.get(ctx.case.organisationId);
    const { documentId } = await ctx.attachDocument({
      caseId: input.caseId,
      // The agreement is a Chinese legal document (人民调解法 第二十九条), whatever the screen's language.
      fileName: `人民调解协议书-${ctx.case.number}.pdf`,
      content: agreementDocument({
        caseNumber: ctx.case.number,
        organisationName: organisation.name['zh-CN'],
        form,
        mediators,
        terms: input.terms,
        date: await ctx.calendar.today(),
        // The agreement names each party in full (人民调解法 第二十九条): opened here, audited.
        particulars: await ctx.case.revealParties('mediation.agreement'),
      }),
    });
    const agreement = await recordAgreement(ctx.db, { ...input, documentId }, ctx.actor.name);
    await ctx.recordOnTimeline({
      text: recordText('mediation.timeline.agreement_drafted'),
      action: 'mediation.agreement.drafted',
      data: { event: 'agreement-drafted', agreementId: agreement.id, documentId },
    });
    return agreement;
  },
});
