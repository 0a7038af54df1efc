import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SecretBox, totpCodeFor, totpStepAt } from '@linju/auth';
import {
  addDutySlot,
  answerSuggestion,
  attachDocument,
  casePartiesOf,
  changeCaseStatus,
  createAnnouncement,
  createLocalDocumentStore,
  createQuestionnaire,
  createReferral,
  createStaffMember,
  drawFileReviewSample,
  intakeCase,
  leaveSuggestion,
  linkCases,
  logVolunteerHours,
  notify,
  openRound as openQuestionnaireRound,
  publishScorecard,
  recordInspection,
  recordPartnerConsent,
  recordProviderMisconduct,
  recordResidentFeedback,
  registerVolunteer,
  requestHotlineImport,
  saveInspectionChecklist,
  setMessageProvider,
  setSubsidyRule,
  sweepMonth,
  systemActor,
} from '@linju/core';
import { TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { type Database, type DbHandle, eq, PLUGIN_MIGRATION_TABLE, schema, sql, withTenant } from '@linju/db';
import { pluginIds, pluginMigrations, pluginRegistry } from '@linju/plugins';
import { TRPCError } from '@trpc/server';
import { pluginProcedurePaths } from './plugin-procedures.ts';
import type { AppCaller } from './router.ts';

/**
 * The isolation walks' machinery: objects of one district ("A": its station A and room A, and a
 * few district-wide ones) that a walker ("B") reaches for, one attempt per procedure of the API,
 * and the snapshot that proves nothing of A changed. The cross-tenant walk sends B's bureau
 * administrator; the station walk sends the staff of A's own station B.
 */
export const A_PHONE = '13912345678';
export const A_RESIDENT_PHONE = '13698765432';

export type WalkCallers = { b: AppCaller; bWithHintA: AppCaller; anonymous: AppCaller };
export type Attempt = (callers: WalkCallers, t: WalkTarget) => Promise<unknown>;

/** A's current code: what a walker would type if it had stolen A's authenticator (it opens nothing for B). */
const codeOf = (secret: string) => totpCodeFor(secret, totpStepAt(new Date()));

export const refused = (e: unknown) => {
  if (e instanceof TRPCError && ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHORIZED'].includes(e.code)) return 'refused';
  throw e;
};

/** A case of A with everything a case can have that B could reach for, and A's other objects. */
export async function seedWalkTarget(db: Database, box: SecretBox, a: TestDistrict) {
  return withTenant(db, a.tenantId, async (tx) => {
    const actor = systemActor(a.tenantId, 'test');
    const intake = (description: string) =>
      intakeCase(tx, actor, box, {
        channel: 'walk-in',
        resident: { name: '甲区居民', phone: A_RESIDENT_PHONE },
        serviceType: TEST_SERVICE,
        description,
        organisationId: a.organisations.stationA,
        parties: [{ role: 'adverse', name: '甲区被申请人' }],
      });
    const aCase = await intake('甲区的邻里纠纷');
    const [aParty] = await casePartiesOf(tx, aCase.id);
    const aPartyId = aParty?.id ?? '';
    const aSecondCaseId = (await intake('甲区的司法确认')).id;
    await linkCases(tx, actor, {
      fromCaseId: aCase.id,
      toCaseId: aSecondCaseId,
      kind: 'judicial-confirmation',
    });
    const aConsentId = (
      await recordPartnerConsent(tx, actor, {
        caseId: aCase.id,
        partnerOrganisationId: a.organisations.court,
      })
    ).id;
    // A referral of A (its workflow is not needed here: B must be refused before reaching it).
    const aReferralId = (
      await createReferral(
        tx,
        actor,
        box,
        {
          caseId: aCase.id,
          toOrganisationId: a.organisations.court,
          kind: 'judicial-confirmation',
          summary: '甲区的司法确认转介',
        },
        { initialEffectKey: (id) => `referral:${a.tenantId}:${id}#1` },
      )
    ).referral.id;
    const [told] = await notify(tx, {
      tenantId: a.tenantId,
      recipientIds: [a.people.desk],
      kind: 'case.overdue',
      caseId: aCase.id,
      messageKey: 'notification.case_overdue',
      params: { number: aCase.number },
    });
    const aNotificationId = told?.id ?? '';
    const aSweepReviewId = (await sweepMonth(tx, { tenantId: a.tenantId, month: '2026-01' })).reviewId;
    const aDutySlotId = (
      await addDutySlot(tx, actor, {
        organisationId: a.organisations.roomA,
        weekday: 3,
        startsAt: '09:00',
        endsAt: '11:30',
        serviceType: TEST_SERVICE,
        personName: '甲区值班律师',
      })
    ).id;
    // A's resident asked to hear back and agreed to show the answer: the most a walker could see.
    const aSuggestionId = (
      await leaveSuggestion(
        tx,
        actor,
        box,
        { topic: 'complaint', body: '甲区居民的投诉', public: true },
        A_RESIDENT_PHONE,
      )
    ).id;
    await answerSuggestion(
      tx,
      actor,
      box,
      { id: aSuggestionId, answer: '甲区的答复' },
      `/t/${a.slug}/public/suggestions`,
    );
    const aAnnouncementId = (
      await createAnnouncement(tx, actor, {
        organisationId: a.organisations.stationA,
        title: '甲区草稿公告',
        body: '甲区尚未发布的通知',
      })
    ).id;
    const aQuestionnaireId = (
      await createQuestionnaire(tx, actor, {
        organisationId: a.organisations.stationA,
        title: '甲区满意度问卷',
        questions: [{ kind: 'text', text: '甲区的问题', required: true }],
      })
    ).id;
    const aRoundId = (
      await openQuestionnaireRound(tx, actor, {
        questionnaireId: aQuestionnaireId,
        opensOn: '2026-01-01',
        closesOn: '2099-12-31',
        publicLink: true,
      })
    ).id;
    const aInspector = await createStaffMember(tx, actor, {
      username: 'inspector-a',
      displayName: '甲区检查组',
      organisationId: a.organisations.centreId,
      password: TEST_PASSWORD,
      roles: [{ role: 'inspector', organisationId: a.organisations.centreId }],
      mustChangePassword: false,
    });
    const aChecklistId = (
      await saveInspectionChecklist(tx, actor, {
        title: '甲区检查表',
        sections: [{ title: '综合', items: [{ text: '甲区综合评价', maxScore: 10 }] }],
      })
    ).id;
    const aInspection = await recordInspection(tx, actor, {
      organisationId: a.organisations.stationA,
      checklistId: aChecklistId,
      inspectedOn: '2026-05-12',
      inspectorIds: [aInspector.id],
      scores: [{ itemId: '1.1', score: 7, remark: '甲区的评语' }],
      findings: '甲区的检查发现',
      rectifications: [{ description: '甲区的整改事项', dueOn: '2026-06-30' }],
    });
    const aInspectionId = aInspection.id;
    const [aRectification] = await tx
      .select({ id: schema.inspectionRectification.id })
      .from(schema.inspectionRectification)
      .where(eq(schema.inspectionRectification.inspectionId, aInspection.id));
    const aRectificationId = aRectification?.id ?? '';
    await publishScorecard(tx, actor, { quarter: '2026-Q2' });
    const files = createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'linju-walk-')));
    const aDocumentId = (
      await attachDocument(tx, actor, files, {
        caseId: aCase.id,
        fileName: 'a.txt',
        contentType: 'text/plain',
        contentBase64: Buffer.from('甲区材料').toString('base64'),
      })
    ).id;
    // A 12345 import of A's station head (queued: the walk needs its row, not its cases).
    const aHotlineImportId = (
      await requestHotlineImport(tx, { ...actor, id: a.people.headA }, files, {
        organisationId: a.organisations.stationA,
        fileBase64: Buffer.from(
          '工单编号,受理时间,来电人,联系电话,诉求内容\nA1,2026-03-02 09:00,甲区来电人,13812345678,甲区工单\n',
        ).toString('base64'),
      })
    ).id;
    const aProviderRecordId = (
      await recordProviderMisconduct(tx, actor, files, {
        providerKind: 'lawyer',
        kind: 'negative-list',
        staffMemberId: a.people.withPhone,
        description: '甲区的不良执业记录',
        occurredOn: '2026-01-05',
        evidenceReference: '甲区罚字1号',
        evidenceFile: {
          fileName: 'a.txt',
          contentType: 'text/plain',
          contentBase64: Buffer.from('甲区证据').toString('base64'),
        },
      })
    ).id;
    // A's intakes queued receipts to its resident; its SMS channel is set too.
    await setMessageProvider(tx, actor, box, { channel: 'sms', provider: 'log' });
    const aVolunteerId = (
      await registerVolunteer(tx, actor, box, {
        organisationId: a.organisations.roomA,
        name: '甲区志愿者',
        phone: A_PHONE,
        skills: ['甲区特长'],
        availability: '甲区周一',
        registeredOn: '2026-01-01',
      })
    ).id;
    const aVolunteerHoursId = (
      await logVolunteerHours(tx, actor, {
        volunteerId: aVolunteerId,
        servedOn: '2026-01-07',
        dutySlotId: aDutySlotId,
      })
    ).id;
    const aSubsidyRuleId =
      (await setSubsidyRule(tx, actor, { serviceType: TEST_SERVICE, outcome: 'success', amountFen: 20000 }))
        ?.id ?? '';
    // A case of A closed in January 2026, sampled for file review.
    const reviewed = await intake('甲区已办结的事项');
    await changeCaseStatus(tx, actor, { caseId: reviewed.id, status: 'in-progress' });
    await changeCaseStatus(tx, actor, { caseId: reviewed.id, status: 'resolved' });
    await recordResidentFeedback(tx, actor, { caseId: reviewed.id, summary: '甲区已告知' });
    await changeCaseStatus(tx, actor, { caseId: reviewed.id, status: 'closed' });
    await tx
      .update(schema.legalCase)
      .set({ closedAt: new Date('2026-01-20T02:00:00Z') })
      .where(eq(schema.legalCase.id, reviewed.id));
    const aFileReviewSampleId = (
      await drawFileReviewSample(tx, actor, {
        organisationId: a.organisations.stationA,
        month: '2026-01',
        size: 1,
      })
    ).id;
    const [aReview] = await tx
      .select({ id: schema.fileReview.id })
      .from(schema.fileReview)
      .where(eq(schema.fileReview.sampleId, aFileReviewSampleId));
    const aFileReviewId = aReview?.id ?? '';
    return {
      a,
      aCase,
      aPartyId,
      aSecondCaseId,
      aConsentId,
      aReferralId,
      aNotificationId,
      aSweepReviewId,
      aDutySlotId,
      aAnnouncementId,
      aSuggestionId,
      aQuestionnaireId,
      aRoundId,
      aChecklistId,
      aInspectionId,
      aRectificationId,
      aDocumentId,
      aHotlineImportId,
      aProviderRecordId,
      aVolunteerId,
      aVolunteerHoursId,
      aSubsidyRuleId,
      aFileReviewSampleId,
      aFileReviewId,
    };
  });
}
export type WalkTarget = Awaited<ReturnType<typeof seedWalkTarget>>;

/** A plugin of the registry, whichever is installed first: switching a service on needs an installed one. */
const anInstalledService = pluginIds[0] ?? '';

type PluginCaller = Record<string, Record<string, (input: unknown) => Promise<unknown>>>;

/**
 * One attempt per plugin procedure, from the registry: on A's case, at A's station, or (a units or
 * district procedure) in B's own district. The platform checks the case or the organisation before the
 * input, so the reference alone meets the refusal a full input would; where it does not, the
 * procedure carries its own `sampleInput` (a new plugin's procedures are walked with no edit here).
 */
const pluginAttempts: Record<string, Attempt> = Object.fromEntries(
  pluginProcedurePaths(pluginRegistry).map(({ pluginId, name, path, scope, sampleInput }) => {
    const attempt: Attempt = ({ b, anonymous }, t) => {
      const input =
        sampleInput?.({ caseId: t.aCase.id, organisationId: t.a.organisations.stationA }) ??
        (scope === 'case' || scope === 'any-case'
          ? { caseId: t.aCase.id }
          : scope === 'organisation'
            ? { organisationId: t.a.organisations.stationA }
            : {});
      // A public procedure is anyone's: the walker, without the district's address, finds none.
      const call = ((scope === 'public' ? anonymous : b) as unknown as PluginCaller)[pluginId]?.[name];
      if (!call) throw new Error(`The API has no procedure ${path}`);
      return call(input).catch(refused);
    };
    return [path, attempt];
  }),
);

/** One attempt per procedure of the API; a walk without an attempt for a procedure fails. */
export const walkAttempts: Record<string, Attempt> = {
  ...pluginAttempts,
  'health.check': ({ b }) => b.health.check(),
  'auth.login': ({ anonymous }, t) =>
    anonymous.auth
      .login({ tenantSlug: t.a.slug, username: 'head-b-only', password: TEST_PASSWORD })
      .catch(refused),
  // Public by design (a district's sign-in page names it): asked for a district that is none, it names nothing.
  'auth.district': ({ anonymous }) => anonymous.auth.district({ slug: 'no-such-district' }),
  'auth.me': ({ bWithHintA }) => bWithHintA.auth.me(),
  'auth.logout': ({ bWithHintA }) => bWithHintA.auth.logout(),
  'auth.logoutEverywhere': ({ bWithHintA }) => bWithHintA.auth.logoutEverywhere(),
  'auth.beginTotpSetup': ({ bWithHintA }) => bWithHintA.auth.beginTotpSetup().catch(refused),
  'auth.confirmTotpSetup': ({ bWithHintA }, t) =>
    bWithHintA.auth.confirmTotpSetup({ secret: t.a.totpSecret, code: codeOf(t.a.totpSecret) }).catch(refused),
  'auth.verifyTotp': ({ bWithHintA }, t) =>
    bWithHintA.auth.verifyTotp({ code: codeOf(t.a.totpSecret) }).catch(refused),
  'auth.changePassword': ({ bWithHintA }) =>
    bWithHintA.auth
      .changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'Hijacked-pass-1' })
      .catch(refused),
  'tenant.getCurrent': ({ b }) => b.tenant.getCurrent(),
  // The district is the session's: a hint naming A is refused, and B renames only B.
  'tenant.updateBranding': ({ b, bWithHintA }) => {
    const branding = { nameZh: '乙区司法局', nameEn: 'District B', colour: '#1f6f8b' };
    return Promise.all([
      bWithHintA.tenant.updateBranding(branding).catch(refused),
      b.tenant.updateBranding(branding),
    ]);
  },
  'organisation.getMany': ({ b }) => b.organisation.getMany(),
  'organisation.create': ({ b }, t) =>
    b.organisation
      .create({ kind: 'room', parentId: t.a.organisations.stationA, nameZh: '越权', nameEn: 'x' })
      .catch(refused),
  'organisation.close': ({ b }, t) => b.organisation.close({ id: t.a.organisations.roomA }).catch(refused),
  'staff.create': ({ b }, t) =>
    b.staff
      .create({
        username: `intruder-${randomUUID().slice(0, 6)}`,
        displayName: 'x',
        organisationId: t.a.organisations.centreId,
        password: 'Intruder-pass-1',
        roles: [{ role: 'bureau-admin', organisationId: t.a.organisations.centreId }],
      })
      .catch(refused),
  'staff.resetPassword': ({ b }, t) =>
    b.staff
      .resetPassword({ staffMemberId: t.a.people.desk, temporaryPassword: 'Hijacked-pass-1' })
      .catch(refused),
  'audit.verify': ({ b }) => b.audit.verify(),
  'audit.getMany': ({ b }) => b.audit.getMany({ limit: 200 }),
  'organisation.update': ({ b }, t) =>
    b.organisation.update({ id: t.a.organisations.stationA, data: { nameZh: '改名' } }).catch(refused),
  'organisation.move': ({ b }, t) =>
    b.organisation.move({ id: t.a.organisations.roomA, parentId: t.a.organisations.stationB }).catch(refused),
  'staff.getMany': ({ b }) => b.staff.getMany(),
  'staff.findByPhone': ({ b }) => b.staff.findByPhone({ phone: A_PHONE }),
  'staff.grantRole': ({ b }, t) =>
    b.staff
      .grantRole({
        staffMemberId: t.a.people.desk,
        role: 'bureau-admin',
        organisationId: t.a.organisations.centreId,
      })
      .catch(refused),
  'staff.revokeRole': ({ b }, t) =>
    b.staff
      .revokeRole({
        staffMemberId: t.a.people.deskA,
        role: 'desk-officer',
        organisationId: t.a.organisations.stationA,
      })
      .catch(refused),
  'staff.update': ({ b }, t) =>
    b.staff
      .update({
        id: t.a.people.desk,
        data: { displayName: '越权改名', organisationId: t.a.organisations.stationB },
      })
      .catch(refused),
  'staff.setDisabled': ({ b }, t) =>
    b.staff.setDisabled({ staffMemberId: t.a.people.desk, disabled: true }).catch(refused),
  'staff.revealPhone': ({ b }, t) =>
    b.staff.revealPhone({ staffMemberId: t.a.people.withPhone }).catch(refused),
  'catalogue.getMany': ({ b }, t) =>
    b.catalogue.getMany({ organisationId: t.a.organisations.stationA }).catch(refused),
  'catalogue.preview': ({ b }, t) =>
    b.catalogue.preview({ organisationId: t.a.organisations.stationA }).catch(refused),
  // B's own screens: declarations and which of B's services are on, nothing of A.
  'catalogue.screens': ({ b }) => b.catalogue.screens(),
  'catalogue.installed': ({ anonymous }) => anonymous.catalogue.installed(),
  'catalogue.setEnabled': ({ b }, t) =>
    b.catalogue
      .setEnabled({ organisationId: t.a.organisations.stationA, pluginId: anInstalledService, enabled: true })
      .catch(refused),
  'xService.create': ({ b }, t) =>
    b.xService
      .create({
        organisationId: t.a.organisations.stationA,
        name: 'intruder',
        title: { 'zh-CN': '越权', en: 'x' },
        description: { 'zh-CN': '越权', en: 'x' },
        form: [{ key: 'topic', label: { 'zh-CN': '事由', en: 'Topic' }, type: 'text' }],
        deadlineWorkingDays: 5,
      })
      .catch(refused),
  'xService.retire': ({ b }, t) => b.xService.retire({ id: t.a.organisations.stationA }).catch(refused),
  'adviser.getMany': ({ b }) => b.adviser.getMany(),
  'adviser.create': ({ b }, t) =>
    b.adviser
      .create({
        organisationId: t.a.organisations.roomA,
        lawFirm: 'x',
        lawyerName: 'x',
        startsOn: '2030-01-01',
        endsOn: '2031-01-01',
      })
      .catch(refused),
  'adviser.end': ({ b }, t) => b.adviser.end({ id: t.a.adviserId, endedOn: '2027-03-01' }).catch(refused),
  'case.get': ({ b }, t) => b.case.get({ caseId: t.aCase.id }).catch(refused),
  'case.getMany': ({ b }) => b.case.getMany({ phone: A_RESIDENT_PHONE, limit: 200 }),
  'case.count': ({ b }) => b.case.count({ phone: A_RESIDENT_PHONE }),
  'case.getChain': ({ b }, t) => b.case.getChain({ caseId: t.aCase.id }).catch(refused),
  'case.page': ({ b }, t) => b.case.page({ caseId: t.aCase.id }).catch(refused),
  'case.assignees': ({ b }, t) => b.case.assignees({ caseId: t.aCase.id }).catch(refused),
  'case.unitAssignees': ({ b }, t) =>
    b.case.unitAssignees({ organisationId: t.a.organisations.stationA }).catch(refused),
  // Counts of B's own queues: numbers only, and none of them counts A's cases.
  'case.countQueues': ({ b }) =>
    b.case.countQueues({
      counts: (['mine', 'taken-today', 'unassigned', 'transferred-in', 'unit'] as const).map((queue) => ({
        key: queue,
        queue,
      })),
    }),
  'case.getDocument': ({ b }, t) =>
    b.case.getDocument({ caseId: t.aCase.id, documentId: t.aDocumentId }).catch(refused),
  'case.downloadDocument': ({ b }, t) =>
    b.case.downloadDocument({ caseId: t.aCase.id, documentId: t.aDocumentId }).catch(refused),
  'case.printout': ({ b }, t) =>
    b.case.printout({ caseId: t.aCase.id, printout: 'intake-receipt' }).catch(refused),
  'case.create': ({ b }, t) =>
    b.case
      .create({
        channel: 'walk-in',
        residentId: t.aCase.residentId,
        description: '越权受理',
        organisationId: t.a.organisations.stationA,
      })
      .catch(refused),
  'case.triage': ({ b }, t) =>
    b.case.triage({ caseId: t.aCase.id, serviceType: 'undecided', category: 'x' }).catch(refused),
  'case.assign': ({ b }, t) =>
    b.case.assign({ caseId: t.aCase.id, assigneeId: t.a.people.deskA }).catch(refused),
  'case.assignMany': ({ b }, t) =>
    b.case.assignMany({ caseIds: [t.aCase.id], assigneeId: t.a.people.deskA }).catch(refused),
  'case.transfer': ({ b }, t) =>
    b.case
      .transfer({ caseId: t.aCase.id, organisationId: t.a.organisations.stationB, reason: '越权' })
      .catch(refused),
  'case.setStatus': ({ b }, t) =>
    b.case.setStatus({ caseId: t.aCase.id, status: 'rejected', reason: '越权' }).catch(refused),
  'case.setWaiting': ({ b }, t) => b.case.setWaiting({ caseId: t.aCase.id, waiting: true }).catch(refused),
  'case.addNote': ({ b }, t) => b.case.addNote({ caseId: t.aCase.id, text: '越权' }).catch(refused),
  'case.messageResident': ({ b }, t) =>
    b.case.messageResident({ caseId: t.aCase.id, text: '越权' }).catch(refused),
  'case.addParty': ({ b }, t) =>
    b.case.addParty({ caseId: t.aCase.id, role: 'adverse', name: '越权' }).catch(refused),
  'case.updateParty': ({ b }, t) =>
    b.case
      .updateParty({ caseId: t.aCase.id, partyId: t.aPartyId, role: 'other', name: '越权' })
      .catch(refused),
  'case.removeParty': ({ b }, t) =>
    b.case.removeParty({ caseId: t.aCase.id, partyId: t.aPartyId }).catch(refused),
  'case.link': ({ b }, t) =>
    b.case.link({ fromCaseId: t.aCase.id, toCaseId: t.aSecondCaseId, kind: 'other' }).catch(refused),
  'case.holdConsultation': ({ b }, t) =>
    b.case
      .holdConsultation({
        caseId: t.aCase.id,
        heldAt: new Date(),
        services: [TEST_SERVICE, 'other-service'],
        notes: '越权',
        attendees: [{ name: 'x' }],
      })
      .catch(refused),
  'case.attachDocument': ({ b }, t) =>
    b.case
      .attachDocument({
        caseId: t.aCase.id,
        fileName: 'x.txt',
        contentType: 'text/plain',
        contentBase64: Buffer.from('x').toString('base64'),
      })
      .catch(refused),
  'case.recordFeedback': ({ b }, t) =>
    b.case.recordFeedback({ caseId: t.aCase.id, summary: '越权' }).catch(refused),
  'case.recordSatisfaction': ({ b }, t) =>
    b.case.recordSatisfaction({ caseId: t.aCase.id, score: 1 }).catch(refused),
  'case.revealResident': ({ b }, t) =>
    b.case.revealResident({ caseId: t.aCase.id, field: 'phone' }).catch(refused),
  'case.hotlineImport.create': ({ b }, t) =>
    b.case.hotlineImport
      .create({
        organisationId: t.a.organisations.stationA,
        fileBase64: Buffer.from(
          '工单编号,受理时间,来电人,联系电话,诉求内容\nX1,2026-03-02 09:00,张三,13812345678,越权导入\n',
        ).toString('base64'),
      })
      .catch(refused),
  'case.hotlineImport.get': ({ b }, t) => b.case.hotlineImport.get({ id: t.aHotlineImportId }).catch(refused),
  'case.hotlineImport.getMany': ({ b }) => b.case.hotlineImport.getMany().catch(refused),
  // Decoded, so that anything of A's in the file would show in the leak checks below.
  'case.exportHotlineAnswers': ({ b }) =>
    b.case
      .exportHotlineAnswers({ from: '2000-01-01', to: '2099-12-31', format: 'csv' })
      .then((file) => Buffer.from(file.contentBase64, 'base64').toString('utf8'))
      .catch(refused),
  'case.recordConsent': ({ b }, t) =>
    b.case
      .recordConsent({ caseId: t.aCase.id, partnerOrganisationId: t.a.organisations.court })
      .catch(refused),
  'referral.create': ({ b }, t) =>
    b.referral
      .create({
        caseId: t.aCase.id,
        toOrganisationId: t.a.organisations.court,
        kind: 'judicial-confirmation',
        summary: '越权转介',
      })
      .catch(refused),
  'referral.getMany': ({ b }, t) => b.referral.getMany({ caseId: t.aCase.id }),
  'referral.inbox': ({ b }) => b.referral.inbox({}).catch(refused),
  'referral.inboxFacets': ({ b }) => b.referral.inboxFacets({}).catch(refused),
  'referral.transition': ({ b }, t) =>
    b.referral.transition({ referralId: t.aReferralId, type: 'accepted' }).catch(refused),
  'referral.cancel': ({ b }, t) =>
    b.referral.cancel({ referralId: t.aReferralId, reason: '越权' }).catch(refused),
  'referral.reroute': ({ b }, t) =>
    b.referral
      .reroute({
        referralId: t.aReferralId,
        toOrganisationId: t.a.organisations.stationB,
        reason: '越权改派',
      })
      .catch(refused),
  'referral.issuePartnerLink': ({ b }, t) =>
    b.referral.issuePartnerLink({ referralId: t.aReferralId }).catch(refused),
  // The link is the partner's credential: without A's token, nothing of A is reachable.
  'partnerLink.view': ({ b }) => b.partnerLink.view({ token: 'x'.repeat(43) }).catch(refused),
  'partnerLink.answer': ({ b }) =>
    b.partnerLink.answer({ token: 'x'.repeat(43), type: 'accepted' }).catch(refused),
  'partnerLink.attachment': ({ b }) =>
    b.partnerLink.attachment({ token: 'x'.repeat(43), sha256: '0'.repeat(64) }).catch(refused),
  'referral.attachment': ({ b }, t) =>
    b.referral.attachment({ referralId: t.aReferralId, sha256: '0'.repeat(64) }).catch(refused),
  'referral.downloadAttachment': ({ b }, t) =>
    b.referral.downloadAttachment({ referralId: t.aReferralId, sha256: '0'.repeat(64) }).catch(refused),
  'partnerLink.downloadAttachment': ({ b }) =>
    b.partnerLink.downloadAttachment({ token: 'x'.repeat(43), sha256: '0'.repeat(64) }).catch(refused),
  'referral.note': ({ b }, t) =>
    b.referral.note({ referralId: t.aReferralId, side: 'sender', text: '越权' }).catch(refused),
  'referral.fetchOutcomeDocument': ({ b }, t) =>
    b.referral.fetchOutcomeDocument({ referralId: t.aReferralId, sha256: '0'.repeat(64) }).catch(refused),
  'partnerLink.note': ({ b }) => b.partnerLink.note({ token: 'x'.repeat(43), text: '越权' }).catch(refused),
  'resident.getMany': ({ b }) => b.resident.getMany({ phone: A_RESIDENT_PHONE }),
  // The deployment's pinned peers are node-level, the same list for every district: nothing of A's.
  'peer.getMany': ({ b }) => b.peer.getMany(),
  // The residents' site reads the district its address names: without it, the walker finds none.
  'site.home': ({ anonymous }) => anonymous.site.home().catch(refused),
  'site.service': ({ anonymous }) => anonymous.site.service({ serviceId: TEST_SERVICE }).catch(refused),
  'site.points': ({ anonymous }) => anonymous.site.points({}).catch(refused),
  'site.point': ({ anonymous }, t) =>
    anonymous.site.point({ organisationId: t.a.organisations.roomA }).catch(refused),
  'site.rota': ({ anonymous }, t) =>
    anonymous.site.rota({ organisationId: t.a.organisations.roomA }).catch(refused),
  // The residents' site: anyone's, but without the district's address the walker finds none.
  'appointment.slots': ({ anonymous }) => anonymous.appointment.slots({}).catch(refused),
  'appointment.book': ({ anonymous }, t) =>
    anonymous.appointment.book({ dutySlotId: t.aDutySlotId, day: '2026-01-05' }).catch(refused),
  'appointment.cancel': ({ anonymous }, t) =>
    anonymous.appointment.cancel({ id: t.aDutySlotId }).catch(refused),
  'appointment.mine': ({ anonymous }) => anonymous.appointment.mine().catch(refused),
  'appointment.ofDay': ({ b }, t) =>
    b.appointment.ofDay({ organisationId: t.a.organisations.roomA, day: '2026-01-05' }).catch(refused),
  'roster.get': ({ b }, t) =>
    b.roster.get({ organisationId: t.a.organisations.roomA, fromMonth: '2026-01' }).catch(refused),
  'roster.getPdf': ({ b }, t) =>
    b.roster.getPdf({ organisationId: t.a.organisations.roomA, fromMonth: '2026-01' }).catch(refused),
  'roster.addSlot': ({ b }, t) =>
    b.roster
      .addSlot({
        organisationId: t.a.organisations.roomA,
        weekday: 1,
        startsAt: '09:00',
        endsAt: '10:00',
        serviceType: TEST_SERVICE,
        personName: '越权',
      })
      .catch(refused),
  'roster.removeSlot': ({ b }, t) => b.roster.removeSlot({ id: t.aDutySlotId }).catch(refused),
  'roster.setThemedDay': ({ b }, t) =>
    b.roster
      .setThemedDay({ organisationId: t.a.organisations.roomA, day: '2026-03-15', theme: '越权' })
      .catch(refused),
  // Everything of B's own district, none of A's (A's draft included).
  // Provider records, volunteers, subsidies and file review: A's are not found for B; B's own
  // lists and ledger carry nothing of A's.
  'provider.getMany': ({ b }) => b.provider.getMany({}),
  'provider.get': ({ b }, t) => b.provider.get({ id: t.aProviderRecordId }).catch(refused),
  'provider.getEvidence': ({ b }, t) => b.provider.getEvidence({ id: t.aProviderRecordId }).catch(refused),
  'provider.downloadEvidence': ({ b }, t) =>
    b.provider.downloadEvidence({ id: t.aProviderRecordId }).catch(refused),
  'provider.create': ({ b }, t) =>
    b.provider
      .create({
        providerKind: 'lawyer',
        kind: 'negative-list',
        staffMemberId: t.a.people.withPhone,
        description: '越权记录',
        occurredOn: '2026-01-01',
        evidenceReference: 'x-1',
      })
      .catch(refused),
  'provider.fileAppeal': ({ b }, t) =>
    b.provider
      .fileAppeal({ id: t.aProviderRecordId, filedOn: '2026-02-01', grounds: '越权申诉' })
      .catch(refused),
  'provider.decideAppeal': ({ b }, t) =>
    b.provider
      .decideAppeal({ id: t.aProviderRecordId, outcome: 'lifted', decidedOn: '2026-02-02', decision: '越权' })
      .catch(refused),
  'volunteer.getMany': ({ b }) => b.volunteer.getMany({ month: '2026-01' }),
  'volunteer.get': ({ b }, t) => b.volunteer.get({ id: t.aVolunteerId }).catch(refused),
  'volunteer.create': ({ b }, t) =>
    b.volunteer
      .create({
        organisationId: t.a.organisations.roomA,
        name: '越权志愿者',
        skills: ['x'],
        availability: '随时',
        registeredOn: '2026-01-01',
      })
      .catch(refused),
  'volunteer.logHours': ({ b }, t) =>
    b.volunteer
      .logHours({ volunteerId: t.aVolunteerId, servedOn: '2026-01-06', caseId: t.aCase.id, minutes: 60 })
      .catch(refused),
  'volunteer.removeHours': ({ b }, t) => b.volunteer.removeHours({ id: t.aVolunteerHoursId }).catch(refused),
  'subsidy.getRules': ({ b }) => b.subsidy.getRules(),
  'subsidy.getServices': ({ b }) => b.subsidy.getServices(),
  'subsidy.setRule': ({ b }) =>
    b.subsidy.setRule({ serviceType: TEST_SERVICE, outcome: 'success', amountFen: 1 }),
  'subsidy.removeRule': ({ b }, t) => b.subsidy.removeRule({ id: t.aSubsidyRuleId }).catch(refused),
  'subsidy.getLedger': ({ b }) => b.subsidy.getLedger({ month: '2026-01' }),
  'subsidy.compute': ({ b }) => b.subsidy.compute({ month: '2026-01' }),
  'subsidy.exportLedger': ({ b }) => b.subsidy.exportLedger({ month: '2026-01' }),
  // Only what the walker sends comes back: the file of B's own rows.
  'list.exportXlsx': ({ b }) =>
    b.list.exportXlsx({
      list: 'cases',
      filter: '',
      title: '案件台账',
      day: '2026-12-06',
      columns: ['编号'],
      rows: [],
    }),
  'fileReview.getSamples': ({ b }) => b.fileReview.getSamples(),
  'fileReview.getSample': ({ b }, t) => b.fileReview.getSample({ id: t.aFileReviewSampleId }).catch(refused),
  'fileReview.drawSample': ({ b }, t) =>
    b.fileReview
      .drawSample({ organisationId: t.a.organisations.stationB, month: '2026-01', size: 1 })
      .catch(refused),
  'fileReview.review': ({ b }, t) =>
    b.fileReview.review({ reviewId: t.aFileReviewId, grade: 'fail', findings: '越权评查' }).catch(refused),
  'announcement.getMany': ({ b }) => b.announcement.getMany({}),
  'announcement.create': ({ b }, t) =>
    b.announcement
      .create({ organisationId: t.a.organisations.stationA, title: '越权', body: '越权', publish: true })
      .catch(refused),
  'announcement.publish': ({ b }, t) => b.announcement.publish({ id: t.aAnnouncementId }).catch(refused),
  // Inspections: A's are not found for B; B's own lists and checklist carry nothing of A's.
  'inspection.getMany': ({ b }, t) =>
    Promise.all([
      b.inspection.getMany({}),
      b.inspection.getMany({ organisationId: t.a.organisations.stationA }).catch(refused),
    ]),
  'inspection.get': ({ b }, t) => b.inspection.get({ id: t.aInspectionId }).catch(refused),
  'inspection.getInspectors': ({ b }) => b.inspection.getInspectors(),
  'inspection.create': ({ b }, t) =>
    b.inspection
      .create({
        organisationId: t.a.organisations.stationA,
        checklistId: t.aChecklistId,
        inspectedOn: '2026-05-12',
        inspectorIds: [t.a.people.headA],
        scores: [{ itemId: '1.1', score: 1 }],
      })
      .catch(refused),
  'inspection.setRectificationDone': ({ b }, t) =>
    b.inspection.setRectificationDone({ id: t.aRectificationId, done: true }).catch(refused),
  'inspection.checklist.get': ({ b }, t) =>
    Promise.all([
      b.inspection.checklist.get({}),
      b.inspection.checklist.get({ id: t.aChecklistId }).catch(refused),
    ]),
  'inspection.checklist.save': ({ b }) =>
    b.inspection.checklist.save({
      title: 'B 的检查表',
      sections: [{ title: '综合', items: [{ text: '综合评价', maxScore: 10 }] }],
    }),
  // B's scorecard lists B's stations only; its weights and publication are B's own.
  'scorecard.get': ({ b }) => b.scorecard.get({ quarter: '2026-Q2' }),
  'scorecard.setSettings': ({ b }) =>
    b.scorecard.setSettings({
      basic: 10,
      outcome: 90,
      satisfaction: 0,
      grading: {
        A: { from: 95, points: 0 },
        B: { from: 90, points: 0 },
        C: { from: 80, points: 0 },
        D: { points: 0 },
      },
    }),
  // B's export carries B's stations only (its own scorecard, computed now).
  'scorecard.exportXlsx': ({ b }) => b.scorecard.exportXlsx({ quarter: '2026-Q2', version: 'live' }),
  'scorecard.publish': ({ b }) => b.scorecard.publish({ quarter: '2026-Q1' }),
  // B's own outbox and channels: A's messages and providers neither show nor change.
  'message.getMany': ({ b }) => b.message.getMany({}),
  'message.getProviders': ({ b }) => b.message.getProviders(),
  'message.setProvider': ({ b }) => b.message.setProvider({ channel: 'sms', provider: 'log' }),
  'notification.getMany': ({ b }) => b.notification.getMany({}),
  'notification.countUnread': ({ b }) => b.notification.countUnread(),
  'notification.markRead': ({ b }, t) => b.notification.markRead({ ids: [t.aNotificationId] }),
  'statutes.checkCitations': ({ b }, t) => b.statutes.checkCitations({ caseId: t.aCase.id }).catch(refused),
  'sweep.getMany': ({ b }) => b.sweep.getMany(),
  'sweep.markReviewed': ({ b }, t) => b.sweep.markReviewed({ id: t.aSweepReviewId }).catch(refused),
  'consent.getMany': ({ b }, t) => b.consent.getMany({ caseId: t.aCase.id }).catch(refused),
  'consent.create': ({ b }, t) =>
    b.consent.create({ caseId: t.aCase.id, purpose: 'feedback-contact' }).catch(refused),
  'consent.withdraw': ({ b }, t) =>
    b.consent.withdraw({ caseId: t.aCase.id, consentId: t.aConsentId }).catch(refused),
  'case.issueRatingCode': ({ b }, t) => b.case.issueRatingCode({ caseId: t.aCase.id }).catch(refused),
  // The code is the resident's credential: without A's code, nothing of A is reachable.
  // The public site's: the walker, without a district's address nor a verified phone, finds none.
  'application.places': ({ anonymous }) => anonymous.application.places().catch(refused),
  'application.submit': ({ b }, t) =>
    b.application
      .submit({
        kind: 'question',
        name: '走查',
        organisationId: t.a.organisations.stationA,
        topic: 'other',
        question: '走查不应在甲区建立案件',
      })
      .catch(refused),
  'rating.check': ({ b }) => b.rating.check({ code: 'AAAAA-AAAAA' }).catch(refused),
  'rating.submit': ({ b }) => b.rating.submit({ code: 'AAAAA-AAAAA', score: 1 }).catch(refused),
  // A public site's calls name their district by the address; a resident's session is of one district.
  'residentSession.requestCode': ({ b }) =>
    b.residentSession.requestCode({ phone: A_RESIDENT_PHONE }).catch(refused),
  'residentSession.verify': ({ b }) =>
    b.residentSession.verify({ phone: A_RESIDENT_PHONE, code: '000000' }).catch(refused),
  'residentSession.signOut': ({ b }) => b.residentSession.signOut().catch(refused),
  'residentSession.current': ({ b }) => b.residentSession.current().catch(refused),
  'suggestion.leave': ({ b }) => b.suggestion.leave({ topic: 'complaint', body: '越权' }).catch(refused),
  'suggestion.answered': ({ b }) => b.suggestion.answered().catch(refused),
  'suggestion.mine': ({ b }) => b.suggestion.mine().catch(refused),
  'suggestion.getMany': ({ b }) => b.suggestion.getMany({}).catch(refused),
  // With B's own site as the link, so that only A's id is out of reach.
  'suggestion.answer': async ({ b }, t) =>
    b.suggestion
      .answer({
        id: t.aSuggestionId,
        answer: '越权',
        link: `/t/${(await b.auth.me())?.tenant.slug}/public/suggestions`,
      })
      .catch(refused),
  'follow.getMany': ({ b }) => b.follow.getMany().catch(refused),
  'follow.get': ({ b }, t) => b.follow.get({ caseId: t.aCase.id }).catch(refused),
  'questionnaire.getMany': ({ b }) => b.questionnaire.getMany(),
  'questionnaire.get': ({ b }, t) => b.questionnaire.get({ id: t.aQuestionnaireId }).catch(refused),
  'questionnaire.create': ({ b }, t) =>
    b.questionnaire
      .create({
        organisationId: t.a.organisations.stationA,
        title: '越权问卷',
        questions: [{ kind: 'scale', text: '满意吗', required: true }],
      })
      .catch(refused),
  'questionnaire.update': ({ b }, t) =>
    b.questionnaire
      .update({
        id: t.aQuestionnaireId,
        data: { title: '越权修改', questions: [{ kind: 'text', text: '改' }] },
      })
      .catch(refused),
  'questionnaire.revise': ({ b }, t) => b.questionnaire.revise({ id: t.aQuestionnaireId }).catch(refused),
  'questionnaire.round.open': ({ b }, t) =>
    b.questionnaire.round
      .open({
        questionnaireId: t.aQuestionnaireId,
        opensOn: '2026-05-01',
        closesOn: '2026-05-31',
        publicLink: true,
      })
      .catch(refused),
  'questionnaire.round.close': ({ b }, t) => b.questionnaire.round.close({ id: t.aRoundId }).catch(refused),
  'questionnaire.round.summary': ({ b }, t) =>
    b.questionnaire.round.summary({ id: t.aRoundId }).catch(refused),
  'questionnaire.round.export': ({ b }, t) => b.questionnaire.round.export({ id: t.aRoundId }).catch(refused),
  // Like the rating code, the code or link is the resident's key: without A's, nothing of A is reachable.
  'questionnaire.answer.open': ({ b }) => b.questionnaire.answer.open({ code: 'AAAAA-AAAAA' }).catch(refused),
  'questionnaire.answer.submit': ({ b }) =>
    b.questionnaire.answer.submit({ code: 'AAAAA-AAAAA', answers: [] }).catch(refused),
  'assessment.getMany': ({ b }, t) =>
    Promise.all([
      b.assessment.getMany({}),
      b.assessment.getMany({ organisationId: t.a.organisations.stationA }),
    ]),
  // A's unit names are B's too (the test districts mirror each other): the rows land in B only.
  'assessment.import': ({ b }) =>
    b.assessment.import({
      fileName: 'walk.csv',
      csv: '评估机构,评估期间,服务点,指标,得分\r\n某评估公司,2026-Q1,甲街道工作站,服务规范化,10\r\n',
    }),
  'assessment.template': ({ b }) => b.assessment.template(),
  // A's unit is not found for B; B's own district figures carry nothing of A's.
  'statistics.get': ({ b }, t) =>
    Promise.all([
      b.statistics.get({ period: '2026', organisationId: t.a.organisations.stationA }).catch(refused),
      b.statistics.get({ period: '2026' }),
    ]),
  'statistics.dashboard': ({ b }, t) =>
    Promise.all([
      b.statistics.dashboard({ organisationId: t.a.organisations.stationA }).catch(refused),
      b.statistics.dashboard({}).catch(refused),
    ]),
  'statistics.report.create': ({ b }, t) =>
    b.statistics.report
      .create({ period: '2026-01', organisationId: t.a.organisations.stationA })
      .catch(refused),
  'statistics.report.getMany': ({ b }) => b.statistics.report.getMany(),
  'statistics.city': ({ b }) => b.statistics.city({ month: '2026-01' }),
  // B's own received reports only (RLS); B is a district, so no tenants of a city are listed.
  'statistics.cityOverview.get': ({ b }) => b.statistics.cityOverview.get({ period: '2026-Q1' }),
  'statistics.cityOverview.exportXlsx': ({ b }) =>
    b.statistics.cityOverview.exportXlsx({ period: '2026-01' }),
  // B's own city setting and sendings only; a city on a node B has not pinned is refused before
  // anything is kept, and without the worker nothing is sent.
  'statistics.citySetting.get': ({ b }) => b.statistics.citySetting.get(),
  'statistics.citySetting.set': ({ b }, t) =>
    b.statistics.citySetting
      .set({ cityNodeId: 'unpinned-node', cityTenant: t.a.slug })
      .catch((e: unknown) => {
        if (e instanceof TRPCError && e.code === 'BAD_REQUEST') return 'refused';
        throw e;
      }),
  'statistics.citySetting.clear': ({ b }) => b.statistics.citySetting.clear(),
  'statistics.citySend.create': ({ b }) =>
    b.statistics.citySend.create({ month: '2026-01' }).catch((e: unknown) => {
      if (e instanceof TRPCError && e.code === 'BAD_REQUEST') return 'refused';
      throw e;
    }),
  'statistics.citySend.getMany': ({ b }) => b.statistics.citySend.getMany(),
  // B's own ranking and map: A's matters and units are not counted or drawn.
  'statistics.hotspots': ({ b }) => b.statistics.hotspots({ month: '2026-01' }),
  'statistics.report.download': ({ b }, t) =>
    b.statistics.report.download({ id: t.a.organisations.stationA }).catch(refused),
  // Coverage reads and writes B's own communities and rule only (RLS): A's stay as they were.
  'coverage.get': ({ b }) => b.coverage.get(),
  'coverage.setRule': ({ b }) =>
    b.coverage.setRule({ townMetres: 1000, villageMetres: 1800, walkingFactor: 1.4 }),
  'coverage.setBoundary': ({ b }) =>
    b.coverage.setBoundary({
      datum: 'gcj02',
      geojson: JSON.stringify({
        type: 'Polygon',
        coordinates: [
          [
            [121.4, 31.15],
            [121.5, 31.15],
            [121.5, 31.25],
            [121.4, 31.15],
          ],
        ],
      }),
    }),
  'coverage.createCommunity': ({ b }) =>
    b.coverage.createCommunity({
      nameZh: 'B 的社区',
      nameEn: 'B community',
      settlement: 'town',
      latitude: 31.22,
      longitude: 121.45,
    }),
  'calendar.getMany': ({ b }) => b.calendar.getMany({ year: 2026 }),
  'calendar.set': ({ b }) => b.calendar.set({ day: '2026-03-02', kind: 'holiday', name: 'B 的本地假日' }),
  'calendar.remove': ({ b }) => b.calendar.remove({ day: '2026-10-01' }),
  'caseSettings.get': ({ b }) => b.caseSettings.get(),
  'caseSettings.update': ({ b }) =>
    b.caseSettings.update({
      numberPrefix: 'BB',
      requireSatisfactionToClose: true,
      dueSoonWorkingDays: 3,
      defaultWorkingDays: 10,
    }),
  'caseSettings.setTimeLimit': ({ b }) =>
    b.caseSettings.setTimeLimit({ serviceType: TEST_SERVICE, category: '*', workingDays: 3 }),
  // A district administrator's session is no operator's: nothing to report.
  'platform.me': ({ b }) => b.platform.me(),
  'platform.login': ({ anonymous }) =>
    anonymous.platform.login({ username: 'admin', password: TEST_PASSWORD }).catch(refused),
  'platform.verifyTotp': ({ b }, t) => b.platform.verifyTotp({ code: codeOf(t.a.totpSecret) }).catch(refused),
  'platform.tenant.getMany': ({ b }) => b.platform.tenant.getMany().catch(refused),
  'platform.tenant.setStatus': ({ b }, t) =>
    b.platform.tenant.setStatus({ tenantId: t.a.tenantId, status: 'suspended' }).catch(refused),
  'platform.tenant.create': ({ b }, t) =>
    b.platform.tenant
      .create({
        slug: t.a.slug,
        nameZh: 'x',
        nameEn: 'x',
        divisionCode: '310104',
        centre: { nameZh: 'x', nameEn: 'x' },
        firstAdmin: { username: 'x1', displayName: 'x', password: 'x' },
      })
      .catch(refused),
  'platform.domain.getMany': ({ b }) => b.platform.domain.getMany().catch(refused),
  'platform.domain.add': ({ b }, t) =>
    b.platform.domain.add({ tenantId: t.a.tenantId, host: `${t.a.slug}.walk.example.org` }).catch(refused),
  'platform.domain.remove': ({ b }, t) =>
    b.platform.domain.remove({ host: `${t.a.slug}.walk.example.org` }).catch(refused),
  // A setup link is its own credential: a guessed token opens nothing, for B as for anyone.
  'platform.setup.view': ({ b }) => b.platform.setup.view({ token: 'x'.repeat(43) }).catch(refused),
  'platform.setup.complete': ({ anonymous }) =>
    anonymous.platform.setup
      .complete({
        token: 'x'.repeat(43),
        password: 'Walker-pass-2026!',
        confirm: 'Walker-pass-2026!',
        code: '123456',
      })
      .catch(refused),
  'platform.peer.getMany': ({ b }) => b.platform.peer.getMany().catch(refused),
  'platform.peer.preview': ({ b }) =>
    b.platform.peer.preview({ url: 'http://127.0.0.1:9', allowPrivateNetwork: true }).catch(refused),
  'platform.peer.pin': ({ b }) =>
    b.platform.peer
      .pin({
        url: 'http://127.0.0.1:9',
        allowPrivateNetwork: true,
        nodeId: 'walk-node',
        fingerprints: ['00'],
      })
      .catch(refused),
  'platform.peer.unpin': ({ b }) => b.platform.peer.unpin({ nodeId: 'walk-node' }).catch(refused),
  'platform.peer.setAllowances': ({ b }, t) =>
    b.platform.peer.setAllowances({ nodeId: 'walk-node', orgIds: [t.a.slug] }).catch(refused),
};

/**
 * Everything of a district a leak or a write could touch, read as the owner (past RLS). A walker
 * of the same district may sign out, change their own password or export their own unit's
 * figures (audited): their own account, sessions and audit entries are left out; a write to
 * anything else still shows in the rows it changed.
 */
export async function snapshotOf(owner: DbHandle, tenantId: string, walkers: readonly string[] = []) {
  const excluded = sql.join(
    [...walkers, '00000000-0000-0000-0000-000000000000'].map((w) => sql`${w}::uuid`),
    sql`, `,
  );
  const [counts] = await owner.db.execute<Record<string, string>>(sql`
    select
      (select count(*) from organisation where tenant_id = ${tenantId}) as organisations,
      (select string_agg(id::text || coalesce(closed_at::text, ''), ',' order by id) from organisation where tenant_id = ${tenantId}) as organisation_state,
      (select string_agg(id::text || password_hash || coalesce(totp_key_encrypted, '') || display_name || organisation_id::text || coalesce(phone_index, '-'), ',' order by id) from staff_member where tenant_id = ${tenantId} and id not in (${excluded})) as staff_state,
      (select string_agg(staff_member_id::text || role || organisation_id::text, ',' order by id) from role_grant where tenant_id = ${tenantId}) as grants,
      (select string_agg(id::text || coalesce(ended_early_on::text, ''), ',') from community_adviser where tenant_id = ${tenantId}) as advisers,
      (select string_agg(coalesce(disabled_at::text, '-'), ',' order by id) from staff_member where tenant_id = ${tenantId} and id not in (${excluded})) as disabled,
      (select status from tenant where id = ${tenantId}) as status,
      (select name_zh || name_en || branding::text from tenant where id = ${tenantId}) as branding,
      (select string_agg(organisation_id::text || plugin_id || enabled::text, ',') from service_enablement where tenant_id = ${tenantId}) as services,
      (select count(*) from audit_entry where tenant_id = ${tenantId} and (actor_id is null or actor_id not in (${excluded}))) as audit_entries,
      (select count(*) from session where tenant_id = ${tenantId} and staff_member_id not in (${excluded})) as sessions,
      (select string_agg(id::text || status || current_organisation_id::text || coalesce(assignee_id::text, '-') || service_type || coalesce(paused_since::text, '-'), ',' order by id) from "case" where tenant_id = ${tenantId}) as cases,
      (select count(*) from case_event where tenant_id = ${tenantId}) as case_events,
      (select string_agg(id::text || role || kind || name || coalesce(updated_at::text, '-'), ',' order by id) from case_party where tenant_id = ${tenantId}) as case_parties,
      (select count(*) from case_link where tenant_id = ${tenantId}) as case_links,
      (select count(*) from case_document where tenant_id = ${tenantId}) as case_documents,
      (select string_agg(id::text || status || rows_done::text, ',' order by id) from hotline_import where tenant_id = ${tenantId}) as hotline_imports,
      (select count(*) from joint_consultation where tenant_id = ${tenantId}) as consultations,
      (select count(*) from resident_feedback where tenant_id = ${tenantId}) as feedback,
      (select count(*) from satisfaction where tenant_id = ${tenantId}) as ratings,
      (select count(*) from resident where tenant_id = ${tenantId}) as residents,
      (select string_agg(id::text || coalesce(withdrawn_on::text, '-'), ',' order by id) from resident_consent where tenant_id = ${tenantId}) as consents,
      (select count(*) from rating_code where tenant_id = ${tenantId}) as rating_codes,
      (select string_agg(id::text || title || coalesce(frozen_at::text, '-'), ',' order by id) from questionnaire where tenant_id = ${tenantId}) as questionnaires,
      (select string_agg(id::text || coalesce(closed_at::text, '-'), ',' order by id) from questionnaire_round where tenant_id = ${tenantId}) as questionnaire_rounds,
      (select count(*) from questionnaire_response where tenant_id = ${tenantId}) as questionnaire_responses,
      (select count(*) from questionnaire_access where tenant_id = ${tenantId}) as questionnaire_access,
      (select count(*) from assessment_result where tenant_id = ${tenantId}) as assessment_results,
      (select string_agg(id::text || coalesce(read_at::text, '-'), ',' order by id) from notification where tenant_id = ${tenantId}) as notifications,
      (select string_agg(id::text || status || attempts::text, ',' order by id) from outbound_message where tenant_id = ${tenantId}) as outbound_messages,
      (select string_agg(channel || provider || credentials_sealed, ',' order by channel) from message_provider where tenant_id = ${tenantId}) as message_providers,
      (select string_agg(id::text || status, ',' order by id) from sweep_review where tenant_id = ${tenantId}) as sweep_reviews,
      (select string_agg(id::text || status, ',' order by id) from referral where tenant_id = ${tenantId}) as referrals,
      (select count(*) from referral_event where tenant_id = ${tenantId}) as referral_events,
      (select string_agg(day::text || kind, ',' order by day) from calendar_day where tenant_id = ${tenantId}) as calendar,
      (select string_agg(number_prefix || require_satisfaction_to_close::text, ',') from case_setting where tenant_id = ${tenantId}) as case_settings,
      (select string_agg(service_type || category || working_days::text, ',') from time_limit where tenant_id = ${tenantId}) as time_limits,
      (select string_agg(id::text || weekday::text || starts_at, ',' order by id) from duty_slot where tenant_id = ${tenantId}) as duty_slots,
      (select string_agg(id::text || coalesce(cancelled_at::text, ''), ',' order by id) from appointment where tenant_id = ${tenantId}) as appointments,
      (select string_agg(month || theme, ',' order by month) from themed_day where tenant_id = ${tenantId}) as themed_days,
      (select string_agg(id::text || status, ',' order by id) from announcement where tenant_id = ${tenantId}) as announcements,
      (select string_agg(id::text || coalesce(appeal_filed_on::text, '-') || coalesce(appeal_outcome, '-'), ',' order by id) from provider_record where tenant_id = ${tenantId}) as provider_records,
      (select string_agg(id::text || name, ',' order by id) from volunteer where tenant_id = ${tenantId}) as volunteers,
      (select string_agg(id::text || minutes::text, ',' order by id) from volunteer_hours where tenant_id = ${tenantId}) as volunteer_hours,
      (select string_agg(id::text || amount_fen::text, ',' order by id) from subsidy_rule where tenant_id = ${tenantId}) as subsidy_rules,
      (select count(*) from subsidy_entry where tenant_id = ${tenantId}) as subsidy_entries,
      (select string_agg(id::text || month, ',' order by id) from file_review_sample where tenant_id = ${tenantId}) as file_review_samples,
      (select string_agg(id::text || coalesce(grade, '-'), ',' order by id) from file_review where tenant_id = ${tenantId}) as file_reviews,
      (select string_agg(id::text || version::text, ',' order by version) from inspection_checklist where tenant_id = ${tenantId}) as inspection_checklists,
      (select string_agg(id::text || total_score::text, ',' order by id) from inspection where tenant_id = ${tenantId}) as inspections,
      (select string_agg(id::text || coalesce(done_at::text, '-'), ',' order by id) from inspection_rectification where tenant_id = ${tenantId}) as rectifications,
      (select string_agg(basic_weight::text || outcome_weight::text, ',') from scorecard_setting where tenant_id = ${tenantId}) as scorecard_weights,
      (select string_agg(quarter || rows::text, ',' order by quarter) from scorecard where tenant_id = ${tenantId}) as scorecards`);
  return { ...counts, ...(await pluginTablesOf(owner, tenantId)) };
}

/**
 * Every table the installed plugins' migrations created (as the runner recorded them), each with
 * the district's row count and a digest of its whole rows: a new plugin's tables are walked
 * without naming them here, and a write to any column of any of them shows.
 */
async function pluginTablesOf(owner: DbHandle, tenantId: string): Promise<Record<string, string>> {
  const withTables = pluginMigrations.map((set) => set.pluginId);
  const recorded = await owner.db.execute<{ plugin_id: string; name: string }>(sql`
    select distinct m.plugin_id, t.name from ${sql.identifier(PLUGIN_MIGRATION_TABLE)} m, unnest(m.tables) as t(name)
    where plugin_id in (${sql.join(
      withTables.map((id) => sql`${id}`),
      sql`, `,
    )}) and to_regclass(t.name) is not null`);
  const tables = [...recorded].sort((x, y) => x.name.localeCompare(y.name));
  // A walk that found no table of a plugin with migrations would check nothing of it and pass.
  const unwalked = withTables.filter((id) => !tables.some((t) => t.plugin_id === id));
  if (unwalked.length > 0) throw new Error(`No recorded table of the plugins ${unwalked.join(', ')} to walk`);
  const snapshot: Record<string, string> = {};
  for (const { name } of tables) {
    const table = sql.identifier(name);
    const [rows] = await owner.db.execute<{ count: string; digest: string | null }>(sql`
      select count(*)::text as count, md5(string_agg(r::text, ',' order by r::text)) as digest
      from ${table} r where tenant_id = ${tenantId}`);
    snapshot[`plugin:${name}`] = `${rows?.count}:${rows?.digest ?? '-'}`;
  }
  return snapshot;
}

/** Every id of A's a walker must never see. */
export const idsOf = (t: WalkTarget) => [
  t.aProviderRecordId,
  t.aVolunteerId,
  t.aVolunteerHoursId,
  t.aSubsidyRuleId,
  t.aFileReviewSampleId,
  t.aFileReviewId,
  t.aQuestionnaireId,
  t.aRoundId,
  t.aDutySlotId,
  t.aAnnouncementId,
  t.aSuggestionId,
  t.aChecklistId,
  t.aInspectionId,
  t.aRectificationId,
  t.a.tenantId,
  t.a.adviserId,
  t.aCase.id,
  t.aCase.number,
  t.aCase.residentId,
  t.aSecondCaseId,
  t.aDocumentId,
  t.aReferralId,
  t.aNotificationId,
  t.aSweepReviewId,
  t.aConsentId,
  ...Object.values(t.a.organisations),
  ...Object.values(t.a.people),
];
