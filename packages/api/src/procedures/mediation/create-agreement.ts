import { attachDocument, getOrganisation, onPluginCase } from '@linju/core';
import { renderPdf } from '@linju/documents';
import {
  agreementDocument,
  getMediationRecord,
  recordAgreement,
  requireAgreementOpen,
  ZDraftAgreementRequest,
} from '@linju/plugin-mediation';
import { pluginPermittedProcedure } from '../../trpc.ts';
import { filesOf } from '../case/files.ts';
import { partiesOf } from './case-parties.ts';

/** Today's date in the district's time zone, as YYYY-MM-DD. */
const localDate = (timeZone: string, now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);

/**
 * Drafts the mediation agreement from the case: the PDF (in Chinese, Noto Sans SC embedded) is
 * stored as a case document and the agreement records its terms. Redrafting replaces an
 * agreement no party has confirmed yet.
 */
export const createAgreement = pluginPermittedProcedure('mediation.agreement.create')
  .input(ZDraftAgreementRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'mediation', input.caseId, ctx.carrier, async (db, c) => {
      const form = await partiesOf(ctx.tx, ctx.actor, c);
      await requireAgreementOpen(db, input.caseId);
      const { mediators } = await getMediationRecord(db, input.caseId);
      const organisation = await getOrganisation(ctx.tx, c.row.currentOrganisationId);
      const pdf = await renderPdf(
        agreementDocument({
          caseNumber: c.row.number,
          organisationName: organisation.nameZh,
          form,
          mediators,
          terms: input.terms,
          date: localDate(ctx.tenant.timeZone),
        }),
      );
      const document = await attachDocument(ctx.tx, ctx.actor, filesOf(ctx), {
        caseId: input.caseId,
        fileName: `人民调解协议书-${c.row.number}.pdf`,
        contentType: 'application/pdf',
        contentBase64: Buffer.from(pdf).toString('base64'),
      });
      const agreement = await recordAgreement(db, { ...input, documentId: document.id }, ctx.actor.name);
      return {
        result: agreement,
        timeline: {
          text: '人民调解协议书已制作',
          action: 'mediation.agreement.drafted',
          data: { event: 'agreement-drafted', agreementId: agreement.id, documentId: document.id },
        },
      };
    }),
  );
