import { grantsAllow, type SecretBox } from '@linju/auth';
import type { TenantTx } from '@linju/db';
import { renderPdf } from '@linju/documents';
import type {
  AnyPlugin,
  CaseProcedureContext,
  DocumentRequest,
  OrganisationInfo,
  PluginLogger,
  PluginProcedureContext,
} from '@linju/plugin-sdk';
import { isMessageTemplateKey } from '@linju/vocabulary';
import type { Actor } from '../actor.ts';
import { currentAdvisersUnder } from '../advisers/community-adviser-service.ts';
import { pluginAuditWords } from '../audit/append-audit.ts';
import { loadCalendar } from '../calendar/national-calendar.ts';
import { addWorkingDays, isWorkingDay, localDate } from '../calendar/working-days.ts';
import { canOnCase, type LoadedCase, loadCase, recordCaseEvent } from '../cases/case-access.ts';
import { listCaseAssignees } from '../cases/case-assignees.ts';
import { linkCases } from '../cases/case-chain.ts';
import { attachDocument, caseDocumentsOf } from '../cases/case-documents.ts';
import { textCaseResident } from '../cases/case-messages.ts';
import { caseNames } from '../cases/case-names.ts';
import { revealCaseParticulars } from '../cases/case-particulars.ts';
import { assignCase, getCase, intakeCase } from '../cases/case-service.ts';
import type { PluginForms } from '../catalogue/x-service.ts';
import type { DocumentStore } from '../documents/document-store.ts';
import { notify } from '../notifications/notification-service.ts';
import { getOrganisation, listOrganisations, subtreeOf } from '../organisations/organisation-service.ts';
import { pluginDb } from '../plugin-data/plugin-db.ts';
import { districtToday } from '../providers/provider-records.ts';
import { listOutgoingReferrals } from '../referrals/referral-service.ts';
import { countPluginActivity } from '../statistics/activity-rollups.ts';
import { tenantTimeZone } from '../tenants/tenant-queries.ts';
import { type KnowledgeSources, knowledgeCapabilities } from './knowledge-capabilities.ts';
import { pluginPermissionCarrier } from './plugin-permission-carrier.ts';
import { pluginStatisticMeasure } from './plugin-statistic-measure.ts';

/** What the platform lends a plugin's procedure besides the transaction: set up by the API per request. */
export type PluginPlatform = {
  box: SecretBox;
  files: DocumentStore;
  logger: PluginLogger;
  /** The installed plugins' forms, for a linked case's intake. */
  forms: PluginForms;
  /** The one referral ritual (the row now, the workflow after commit): the API's, which holds the engine. */
  refer: PluginProcedureContext['refer'];
  /** What `ctx.knowledge` draws on: the installed plugins and the operator's language model. */
  knowledge: KnowledgeSources;
};

const organisationInfo = (o: Awaited<ReturnType<typeof getOrganisation>>): OrganisationInfo => ({
  id: o.id,
  kind: o.kind,
  name: { 'zh-CN': o.nameZh, en: o.nameEn ?? o.nameZh },
  parentId: o.parentId,
  closed: o.closedAt !== null,
});

/** A document's bytes and type: a printable one is rendered as a PDF with the platform's CJK font. */
async function documentContent(request: DocumentRequest) {
  if (request.content instanceof Uint8Array) {
    return { contentType: request.contentType ?? 'application/octet-stream', bytes: request.content };
  }
  return { contentType: 'application/pdf', bytes: await renderPdf(request.content) };
}

/**
 * The context a plugin's procedure runs with: its data handle and the platform's capabilities,
 * each over core in the request's transaction and under the actor's own rights (a plugin may do
 * through them only what its caller may do).
 */
export function pluginProcedureContext(
  tx: TenantTx,
  actor: Actor,
  plugin: AnyPlugin,
  platform: PluginPlatform,
): PluginProcedureContext {
  const measureOf = (statisticId: string) => pluginStatisticMeasure(plugin, statisticId);
  return {
    tenantId: actor.tenantId,
    logger: platform.logger,
    db: pluginDb(tx, actor, plugin.id),
    actor: { staffId: actor.id ?? '', name: actor.name },
    calendar: {
      today: () => districtToday(tx, actor.tenantId),
      dateOf: async (at) => localDate(at, await tenantTimeZone(tx, actor.tenantId)),
      addWorkingDays: async (from, n) => addWorkingDays(from, n, await loadCalendar(tx, from)),
      isWorkingDay: async (date) => isWorkingDay(date, await loadCalendar(tx, date)),
    },
    refer: platform.refer,
    async openLinkedCase(request) {
      // linkCases checks the actor may manage the case it is opened from.
      const { row: from } = await loadCase(tx, request.fromCaseId);
      const created = await intakeCase(
        tx,
        actor,
        platform.box,
        {
          channel: from.channel,
          residentId: from.residentId,
          serviceType: request.serviceType,
          description: request.description,
          organisationId: from.currentOrganisationId,
        },
        platform.forms,
      );
      await linkCases(tx, actor, {
        fromCaseId: request.fromCaseId,
        toCaseId: created.id,
        kind: request.linkKind as never,
        note: request.note ?? null,
      });
      return { caseId: created.id, number: created.number };
    },
    async attachDocument(request) {
      const { contentType, bytes } = await documentContent(request);
      const document = await attachDocument(tx, actor, platform.files, {
        caseId: request.caseId,
        fileName: request.fileName,
        contentType,
        contentBase64: Buffer.from(bytes).toString('base64'),
      });
      return { documentId: document.id };
    },
    async notify(request) {
      await notify(tx, {
        tenantId: actor.tenantId,
        recipientIds: request.recipientIds,
        kind: request.kind,
        caseId: request.caseId ?? null,
        messageKey: request.messageKey,
        ...(request.params ? { params: { ...request.params } } : {}),
        dedupeKey: request.dedupeKey ?? null,
      });
    },
    organisations: {
      get: async (organisationId) => organisationInfo(await getOrganisation(tx, organisationId)),
      async list(filter = {}) {
        const all = await listOrganisations(tx, actor);
        return all.filter((o) => !filter.kinds || filter.kinds.includes(o.kind)).map(organisationInfo);
      },
      async subtree(organisationId) {
        const root = await getOrganisation(tx, organisationId);
        return (await subtreeOf(tx, root.path)).filter((o) => !o.closedAt).map(organisationInfo);
      },
    },
    async allows(permission, organisationId) {
      const carrier = pluginPermissionCarrier(plugin, permission);
      const organisation = await getOrganisation(tx, organisationId);
      return grantsAllow(actor.grants, carrier, organisation.path);
    },
    advisers: {
      async currentUnder(organisationId) {
        const root = await getOrganisation(tx, organisationId);
        const today = await districtToday(tx, actor.tenantId);
        return (await currentAdvisersUnder(tx, actor, root.path, today)).map((a) => ({
          id: a.id,
          organisationId: a.organisationId,
          lawyerName: a.lawyerName,
          lawFirm: a.lawFirm,
        }));
      },
    },
    referrals: {
      async ofCase(caseId) {
        const rows = await listOutgoingReferrals(tx, actor, { caseId, limit: 200 });
        return rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          status: r.status,
          toOrganisationId: r.toOrganisationId,
          outcomeText: r.outcomeText ?? null,
          reason: r.reason ?? null,
        }));
      },
    },
    statistics: {
      count: (statisticId, fact) => countPluginActivity(tx, actor.tenantId, measureOf(statisticId), fact),
      uncount: (statisticId, fact) =>
        countPluginActivity(tx, actor.tenantId, measureOf(statisticId), fact, -1),
    },
    knowledge: knowledgeCapabilities(tx, actor, platform.knowledge),
  };
}

/** The context of a case procedure: the plugin's context with the case the platform checked. */
export function caseProcedureContext(
  tx: TenantTx,
  actor: Actor,
  plugin: AnyPlugin,
  platform: PluginPlatform,
  c: LoadedCase,
): CaseProcedureContext {
  const row = c.row;
  return {
    ...pluginProcedureContext(tx, actor, plugin, platform),
    case: {
      id: row.id,
      number: row.number,
      status: row.status,
      organisationId: row.currentOrganisationId,
      residentId: row.residentId,
      channel: row.channel,
      categoryId: row.category,
      description: row.description,
      form: row.form,
      createdAt: row.receivedAt,
      async parties() {
        const full = await getCase(tx, actor, { caseId: row.id });
        const resident = full.resident;
        return [
          {
            name: resident.name,
            role: 'resident' as const,
            kind: 'person' as const,
            idNumberMasked: resident.idNumberMasked,
            creditCode: null,
            phoneMasked: resident.phoneMasked,
            addressMasked: null,
          },
          ...full.parties.map(({ id: _, ...party }) => party),
        ];
      },
      revealParties: (purpose) => revealCaseParticulars(tx, actor, platform.box, c, purpose),
      documents: () => caseDocumentsOf(tx, row.id),
    },
    assignment: {
      current: async () => {
        const name = (await caseNames(tx, row)).assignee;
        return row.assigneeId && name ? { id: row.assigneeId, name } : null;
      },
      // The same list and checks as the case page's assign form (case.assignees, case.assign).
      candidates: async () =>
        canOnCase(actor, 'case.manage', c) ? listCaseAssignees(tx, actor, { caseId: row.id }) : null,
      async assign(request) {
        await assignCase(tx, actor, { ...request, caseId: row.id });
      },
    },
    async recordOnTimeline(note) {
      await recordCaseEvent(tx, actor, row, {
        kind: 'note',
        text: note.text,
        action: pluginAuditWords(plugin.id, note).action,
        data: { plugin: plugin.id, ...note.data },
      });
    },
    async messageResident({ template, params }) {
      // A programming error of the plugin, not a user's: it names one of the platform's templates.
      if (!isMessageTemplateKey(template)) throw new Error(`${plugin.id}: no message template ${template}`);
      const sent = await textCaseResident(tx, actor, platform.box, row, { templateKey: template, params });
      return { messageId: sent?.id ?? null };
    },
  };
}
