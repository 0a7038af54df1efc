import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addDutySlot,
  attachDocument,
  changeCaseStatus,
  createAnnouncement,
  createLocalFileStore,
  createQuestionnaire,
  createReferral,
  createStaffMember,
  drawFileReviewSample,
  intakeCase,
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
  saveInspectionChecklist,
  setSubsidyRule,
  sweepMonth,
  systemActor,
} from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { connect, eq, schema, sql, withTenant } from '@linju/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AppCaller, appRouter } from './router.ts';
import { apiHarness } from './test-context.ts';

/**
 * The isolation walk: every procedure of the API, called by the most powerful user of district B
 * (its bureau administrator) against district A's objects. Nothing of A may be returned, and A
 * must be exactly as it was afterwards. A procedure added to the router without a case here
 * fails the first test.
 */
const h = apiHarness();
const owner = connect(inject('ownerDatabaseUrl'));
let a: TestDistrict;
let b: TestDistrict;
let adminB: AppCaller;
let adminBToken: string;

type Attempt = (ctx: { b: AppCaller; bWithHintA: AppCaller }) => Promise<unknown>;
const refused = (e: unknown) => {
  if (e instanceof TRPCError && ['FORBIDDEN', 'NOT_FOUND', 'UNAUTHORIZED'].includes(e.code)) return 'refused';
  throw e;
};

const attempts: Record<string, Attempt> = {
  'health.check': ({ b }) => b.health.check(),
  'auth.login': () =>
    h
      .caller()
      .auth.login({ tenantSlug: a.slug, username: 'head-b-only', password: TEST_PASSWORD })
      .catch(refused),
  'auth.me': ({ bWithHintA }) => bWithHintA.auth.me(),
  'auth.logout': ({ bWithHintA }) => bWithHintA.auth.logout(),
  'auth.logoutEverywhere': ({ bWithHintA }) => bWithHintA.auth.logoutEverywhere(),
  'auth.beginTotpSetup': ({ bWithHintA }) => bWithHintA.auth.beginTotpSetup().catch(refused),
  'auth.confirmTotpSetup': ({ bWithHintA }) =>
    bWithHintA.auth.confirmTotpSetup({ secret: a.totpSecret, code: h.nextTotp(a.totpSecret) }).catch(refused),
  'auth.verifyTotp': ({ bWithHintA }) =>
    bWithHintA.auth.verifyTotp({ code: h.nextTotp(a.totpSecret) }).catch(refused),
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
  'organisation.create': ({ b }) =>
    b.organisation
      .create({ kind: 'room', parentId: a.organisations.stationA, nameZh: '越权', nameEn: 'x' })
      .catch(refused),
  'organisation.close': ({ b }) => b.organisation.close({ id: a.organisations.stationB }).catch(refused),
  'staff.create': ({ b }) =>
    b.staff
      .create({
        username: `intruder-${randomUUID().slice(0, 6)}`,
        displayName: 'x',
        organisationId: a.organisations.centreId,
        password: 'Intruder-pass-1',
        roles: [{ role: 'bureau-admin', organisationId: a.organisations.centreId }],
      })
      .catch(refused),
  'staff.resetPassword': ({ b }) =>
    b.staff
      .resetPassword({ staffMemberId: a.people.desk, temporaryPassword: 'Hijacked-pass-1' })
      .catch(refused),
  'audit.verify': ({ b }) => b.audit.verify(),
  'audit.getMany': ({ b }) => b.audit.getMany({ limit: 200 }),
  'organisation.update': ({ b }) =>
    b.organisation.update({ id: a.organisations.stationA, data: { nameZh: '改名' } }).catch(refused),
  'organisation.move': ({ b }) =>
    b.organisation.move({ id: a.organisations.roomA, parentId: a.organisations.stationB }).catch(refused),
  'staff.getMany': ({ b }) => b.staff.getMany(),
  'staff.findByPhone': ({ b }) => b.staff.findByPhone({ phone: A_PHONE }),
  'staff.grantRole': ({ b }) =>
    b.staff
      .grantRole({
        staffMemberId: a.people.desk,
        role: 'bureau-admin',
        organisationId: a.organisations.centreId,
      })
      .catch(refused),
  'staff.revokeRole': ({ b }) =>
    b.staff
      .revokeRole({
        staffMemberId: a.people.deskA,
        role: 'desk-officer',
        organisationId: a.organisations.stationA,
      })
      .catch(refused),
  'staff.update': ({ b }) =>
    b.staff
      .update({
        id: a.people.desk,
        data: { displayName: '越权改名', organisationId: a.organisations.stationB },
      })
      .catch(refused),
  'staff.setDisabled': ({ b }) =>
    b.staff.setDisabled({ staffMemberId: a.people.desk, disabled: true }).catch(refused),
  'staff.revealPhone': ({ b }) => b.staff.revealPhone({ staffMemberId: a.people.withPhone }).catch(refused),
  'catalogue.getMany': ({ b }) =>
    b.catalogue.getMany({ organisationId: a.organisations.stationA }).catch(refused),
  'catalogue.preview': ({ b }) =>
    b.catalogue.preview({ organisationId: a.organisations.stationA }).catch(refused),
  // B's own screens: declarations and which of B's services are on, nothing of A.
  'catalogue.screens': ({ b }) => b.catalogue.screens(),
  'catalogue.setEnabled': ({ b }) =>
    b.catalogue
      .setEnabled({ organisationId: a.organisations.stationA, pluginId: 'notary', enabled: true })
      .catch(refused),
  'xService.create': ({ b }) =>
    b.xService
      .create({
        organisationId: a.organisations.stationA,
        name: 'intruder',
        title: { 'zh-CN': '越权', en: 'x' },
        description: { 'zh-CN': '越权', en: 'x' },
        form: [{ key: 'topic', label: { 'zh-CN': '事由', en: 'Topic' }, type: 'text' }],
        deadlineWorkingDays: 5,
      })
      .catch(refused),
  'xService.retire': ({ b }) => b.xService.retire({ id: a.organisations.stationA }).catch(refused),
  'consultation.log.create': ({ b }) =>
    b.consultation.log
      .create({
        caseId: aCase.id,
        channel: 'hotline',
        topic: '越权',
        adviserName: '越权',
        heldAt: '2026-11-20T02:00:00Z',
        durationMinutes: 5,
        answer: '越权的解答',
      })
      .catch(refused),
  'consultation.log.getMany': ({ b }) => b.consultation.log.getMany({ caseId: aCase.id }).catch(refused),
  'consultation.statistics': ({ b }) =>
    b.consultation
      .statistics({ organisationId: a.organisations.centreId, from: '2026-01-01', to: '2027-01-01' })
      .catch(refused),
  'appraisal.advise': ({ b }) =>
    b.appraisal
      .advise({ caseId: aCase.id, appraisalType: 'injury-degree', advice: '越权给出的鉴定建议内容' })
      .catch(refused),
  'appraisal.getAdvice': ({ b }) => b.appraisal.getAdvice({ caseId: aCase.id }).catch(refused),
  'legalAid.get': ({ b }) => b.legalAid.get({ caseId: aCase.id }).catch(refused),
  'legalAid.decide': ({ b }) =>
    b.legalAid.decide({ caseId: aCase.id, granted: false, reason: '越权' }).catch(refused),
  'legalAid.reportClosure': ({ b }) =>
    b.legalAid
      .reportClosure({
        caseId: aCase.id,
        lawyerName: '越权',
        outcome: 'won',
        summary: '越权提交的结案报告，不应被接受',
      })
      .catch(refused),
  'legalAid.subsidy.create': ({ b }) =>
    b.legalAid.subsidy
      .create({ caseId: aCase.id, recipient: '越权', amount: 100, basis: '越权', paidOn: '2026-11-01' })
      .catch(refused),
  // District-wide settings: B's administrator sees and sets B's own thresholds, never A's.
  'legalAid.threshold.getMany': ({ b }) => b.legalAid.threshold.getMany(),
  'legalAid.threshold.set': ({ b }) =>
    b.legalAid.threshold.set({
      effectiveFrom: '2026-01-01',
      monthlyPerCapitaIncome: 2690,
      basis: '乙区标准',
    }),
  'legalEducation.event.create': ({ b }) =>
    b.legalEducation.event
      .create({
        organisationId: a.organisations.roomA,
        heldOn: '2026-12-04',
        eventType: 'campaign',
        theme: 'constitution',
        title: '越权活动',
        venue: '越权地点',
        audience: '居民',
        attendance: 1,
      })
      .catch(refused),
  'legalEducation.event.update': ({ b }) =>
    b.legalEducation.event
      .update({
        id: randomUUID(),
        organisationId: a.organisations.roomA,
        data: {
          heldOn: '2026-12-04',
          eventType: 'campaign',
          theme: 'constitution',
          title: '越权修改',
          venue: '越权地点',
          audience: '居民',
          attendance: 1,
        },
      })
      .catch(refused),
  'legalEducation.event.getMany': ({ b }) =>
    b.legalEducation.event
      .getMany({ organisationId: a.organisations.centreId, period: { from: '2026-01-01', to: '2026-12-31' } })
      .catch(refused),
  'legalEducation.report': ({ b }) =>
    b.legalEducation
      .report({ organisationId: a.organisations.centreId, period: { from: '2026-01-01', to: '2026-12-31' } })
      .catch(refused),
  'mediation.get': ({ b }) => b.mediation.get({ caseId: aCase.id }).catch(refused),
  'mediation.setMediators': ({ b }) =>
    b.mediation
      .setMediators({ caseId: aCase.id, mediators: [{ name: '越权', role: 'lead' }] })
      .catch(refused),
  'mediation.session.create': ({ b }) =>
    b.mediation.session
      .create({
        caseId: aCase.id,
        heldAt: '2026-11-20T02:00:00Z',
        place: '越权调解室',
        summary: '越权',
        outcome: 'failed',
      })
      .catch(refused),
  'mediation.agreement.create': ({ b }) =>
    b.mediation.agreement.create({ caseId: aCase.id, terms: ['越权条款'] }).catch(refused),
  'mediation.agreement.confirm': ({ b }) =>
    b.mediation.agreement
      .confirm({ caseId: aCase.id, agreementId: randomUUID(), partyName: '甲区居民', method: 'signature' })
      .catch(refused),
  'mediation.applyJudicialConfirmation': ({ b }) =>
    b.mediation
      .applyJudicialConfirmation({
        caseId: aCase.id,
        agreementId: randomUUID(),
        courtId: a.organisations.court,
      })
      .catch(refused),
  'mediation.fail': ({ b }) =>
    b.mediation.fail({ caseId: aCase.id, reason: '越权', next: 'consultation' }).catch(refused),
  'notary.slot.create': ({ b }) =>
    b.notary.slot
      .create({
        officeId: a.organisations.stationA,
        startsAt: '2030-01-07T01:00:00Z',
        endsAt: '2030-01-07T02:00:00Z',
        capacity: 2,
      })
      .catch(refused),
  'notary.slot.getMany': ({ b }) =>
    b.notary.slot
      .getMany({ officeId: a.organisations.stationA, from: '2030-01-01', to: '2030-01-31' })
      .catch(refused),
  'notary.booking.create': ({ b }) =>
    b.notary.booking.create({ caseId: aCase.id, slotId: randomUUID() }).catch(refused),
  'notary.booking.cancel': ({ b }) =>
    b.notary.booking.cancel({ caseId: aCase.id, bookingId: randomUUID(), reason: '越权取消' }).catch(refused),
  'notary.booking.getMany': ({ b }) => b.notary.booking.getMany({ caseId: aCase.id }).catch(refused),
  'notary.documents.get': ({ b }) => b.notary.documents.get({ caseId: aCase.id }).catch(refused),
  'notary.documents.set': ({ b }) =>
    b.notary.documents.set({ caseId: aCase.id, received: ['applicant-id'] }).catch(refused),
  'adviser.getMany': ({ b }) => b.adviser.getMany(),
  'adviser.create': ({ b }) =>
    b.adviser
      .create({
        organisationId: a.organisations.roomA,
        lawFirm: 'x',
        lawyerName: 'x',
        startsOn: '2030-01-01',
        endsOn: '2031-01-01',
      })
      .catch(refused),
  'adviser.end': ({ b }) => b.adviser.end({ id: a.adviserId, endedOn: '2027-03-01' }).catch(refused),
  'case.get': ({ b }) => b.case.get({ caseId: aCase.id }).catch(refused),
  'case.getMany': ({ b }) => b.case.getMany({ phone: A_RESIDENT_PHONE, limit: 200 }),
  'case.getChain': ({ b }) => b.case.getChain({ caseId: aCase.id }).catch(refused),
  'case.assignees': ({ b }) => b.case.assignees({ caseId: aCase.id }).catch(refused),
  'case.getDocument': ({ b }) =>
    b.case.getDocument({ caseId: aCase.id, documentId: aDocumentId }).catch(refused),
  'case.create': ({ b }) =>
    b.case
      .create({
        channel: 'walk-in',
        residentId: aCase.residentId,
        description: '越权受理',
        organisationId: a.organisations.stationA,
      })
      .catch(refused),
  'case.triage': ({ b }) =>
    b.case.triage({ caseId: aCase.id, serviceType: 'undecided', category: 'x' }).catch(refused),
  'case.assign': ({ b }) => b.case.assign({ caseId: aCase.id, assigneeId: a.people.deskA }).catch(refused),
  'case.transfer': ({ b }) =>
    b.case
      .transfer({ caseId: aCase.id, organisationId: a.organisations.stationB, reason: '越权' })
      .catch(refused),
  'case.setStatus': ({ b }) =>
    b.case.setStatus({ caseId: aCase.id, status: 'rejected', reason: '越权' }).catch(refused),
  'case.setWaiting': ({ b }) => b.case.setWaiting({ caseId: aCase.id, waiting: true }).catch(refused),
  'case.addNote': ({ b }) => b.case.addNote({ caseId: aCase.id, text: '越权' }).catch(refused),
  'case.addParty': ({ b }) =>
    b.case.addParty({ caseId: aCase.id, role: 'adverse', name: '越权' }).catch(refused),
  'case.link': ({ b }) =>
    b.case.link({ fromCaseId: aCase.id, toCaseId: aSecondCaseId, kind: 'other' }).catch(refused),
  'case.holdConsultation': ({ b }) =>
    b.case
      .holdConsultation({
        caseId: aCase.id,
        heldAt: new Date(),
        services: ['mediation', 'consultation'],
        notes: '越权',
        attendees: [{ name: 'x' }],
      })
      .catch(refused),
  'case.attachDocument': ({ b }) =>
    b.case
      .attachDocument({
        caseId: aCase.id,
        fileName: 'x.txt',
        contentType: 'text/plain',
        contentBase64: Buffer.from('x').toString('base64'),
      })
      .catch(refused),
  'case.recordFeedback': ({ b }) =>
    b.case.recordFeedback({ caseId: aCase.id, summary: '越权' }).catch(refused),
  'case.recordSatisfaction': ({ b }) =>
    b.case.recordSatisfaction({ caseId: aCase.id, score: 1 }).catch(refused),
  'case.revealResident': ({ b }) =>
    b.case.revealResident({ caseId: aCase.id, field: 'phone' }).catch(refused),
  'case.importHotline': ({ b }) =>
    b.case
      .importHotline({
        organisationId: a.organisations.stationA,
        csv: '工单编号,受理时间,来电人,联系电话,诉求内容\nX1,2026-03-02 09:00,张三,13812345678,越权导入\n',
      })
      .catch(refused),
  // Decoded, so that anything of A's in the file would show in the leak checks below.
  'case.exportHotlineAnswers': ({ b }) =>
    b.case
      .exportHotlineAnswers({ from: '2000-01-01', to: '2099-12-31', format: 'csv' })
      .then((file) => Buffer.from(file.contentBase64, 'base64').toString('utf8'))
      .catch(refused),
  'case.recordConsent': ({ b }) =>
    b.case.recordConsent({ caseId: aCase.id, partnerOrganisationId: a.organisations.court }).catch(refused),
  'referral.create': ({ b }) =>
    b.referral
      .create({
        caseId: aCase.id,
        toOrganisationId: a.organisations.court,
        kind: 'judicial-confirmation',
        summary: '越权转介',
      })
      .catch(refused),
  'referral.getMany': ({ b }) => b.referral.getMany({ caseId: aCase.id }),
  'referral.inbox': ({ b }) => b.referral.inbox({}).catch(refused),
  'referral.transition': ({ b }) =>
    b.referral.transition({ referralId: aReferralId, type: 'accepted' }).catch(refused),
  'referral.cancel': ({ b }) => b.referral.cancel({ referralId: aReferralId, reason: '越权' }).catch(refused),
  'referral.reroute': ({ b }) =>
    b.referral
      .reroute({ referralId: aReferralId, toOrganisationId: a.organisations.stationB, reason: '越权改派' })
      .catch(refused),
  'referral.issuePartnerLink': ({ b }) =>
    b.referral.issuePartnerLink({ referralId: aReferralId }).catch(refused),
  // The link is the partner's credential: without A's token, nothing of A is reachable.
  'partnerLink.view': ({ b }) => b.partnerLink.view({ token: 'x'.repeat(43) }).catch(refused),
  'partnerLink.answer': ({ b }) =>
    b.partnerLink.answer({ token: 'x'.repeat(43), type: 'accepted' }).catch(refused),
  'partnerLink.attachment': ({ b }) =>
    b.partnerLink.attachment({ token: 'x'.repeat(43), sha256: '0'.repeat(64) }).catch(refused),
  'referral.attachment': ({ b }) =>
    b.referral.attachment({ referralId: aReferralId, sha256: '0'.repeat(64) }).catch(refused),
  'referral.note': ({ b }) =>
    b.referral.note({ referralId: aReferralId, side: 'sender', text: '越权' }).catch(refused),
  'referral.fetchOutcomeDocument': ({ b }) =>
    b.referral.fetchOutcomeDocument({ referralId: aReferralId, sha256: '0'.repeat(64) }).catch(refused),
  'partnerLink.note': ({ b }) => b.partnerLink.note({ token: 'x'.repeat(43), text: '越权' }).catch(refused),
  'resident.getMany': ({ b }) => b.resident.getMany({ phone: A_RESIDENT_PHONE }),
  // The deployment's pinned peers are node-level, the same list for every district: nothing of A's.
  'peer.getMany': ({ b }) => b.peer.getMany(),
  'roster.get': ({ b }) =>
    b.roster.get({ organisationId: a.organisations.roomA, fromMonth: '2026-01' }).catch(refused),
  'roster.getPdf': ({ b }) =>
    b.roster.getPdf({ organisationId: a.organisations.roomA, fromMonth: '2026-01' }).catch(refused),
  'roster.addSlot': ({ b }) =>
    b.roster
      .addSlot({
        organisationId: a.organisations.roomA,
        weekday: 1,
        startsAt: '09:00',
        endsAt: '10:00',
        serviceType: 'consultation',
        personName: '越权',
      })
      .catch(refused),
  'roster.removeSlot': ({ b }) => b.roster.removeSlot({ id: aDutySlotId }).catch(refused),
  'roster.setThemedDay': ({ b }) =>
    b.roster
      .setThemedDay({ organisationId: a.organisations.roomA, day: '2026-03-15', theme: '越权' })
      .catch(refused),
  // Everything of B's own district, none of A's (A's draft included).
  // Provider records, volunteers, subsidies and file review: A's are not found for B; B's own
  // lists and ledger carry nothing of A's.
  'provider.getMany': ({ b }) => b.provider.getMany({}),
  'provider.get': ({ b }) => b.provider.get({ id: aProviderRecordId }).catch(refused),
  'provider.getEvidence': ({ b }) => b.provider.getEvidence({ id: aProviderRecordId }).catch(refused),
  'provider.create': ({ b }) =>
    b.provider
      .create({
        providerKind: 'lawyer',
        kind: 'negative-list',
        staffMemberId: a.people.withPhone,
        description: '越权记录',
        occurredOn: '2026-01-01',
        evidenceReference: 'x-1',
      })
      .catch(refused),
  'provider.fileAppeal': ({ b }) =>
    b.provider
      .fileAppeal({ id: aProviderRecordId, filedOn: '2026-02-01', grounds: '越权申诉' })
      .catch(refused),
  'provider.decideAppeal': ({ b }) =>
    b.provider
      .decideAppeal({ id: aProviderRecordId, outcome: 'lifted', decidedOn: '2026-02-02', decision: '越权' })
      .catch(refused),
  'volunteer.getMany': ({ b }) => b.volunteer.getMany({ month: '2026-01' }),
  'volunteer.get': ({ b }) => b.volunteer.get({ id: aVolunteerId }).catch(refused),
  'volunteer.create': ({ b }) =>
    b.volunteer
      .create({
        organisationId: a.organisations.roomA,
        name: '越权志愿者',
        skills: ['x'],
        availability: '随时',
        registeredOn: '2026-01-01',
      })
      .catch(refused),
  'volunteer.logHours': ({ b }) =>
    b.volunteer
      .logHours({ volunteerId: aVolunteerId, servedOn: '2026-01-06', caseId: aCase.id, minutes: 60 })
      .catch(refused),
  'volunteer.removeHours': ({ b }) => b.volunteer.removeHours({ id: aVolunteerHoursId }).catch(refused),
  'subsidy.getRules': ({ b }) => b.subsidy.getRules(),
  'subsidy.setRule': ({ b }) =>
    b.subsidy.setRule({ serviceType: 'mediation', outcome: 'success', amountFen: 1 }),
  'subsidy.removeRule': ({ b }) => b.subsidy.removeRule({ id: aSubsidyRuleId }).catch(refused),
  'subsidy.getLedger': ({ b }) => b.subsidy.getLedger({ month: '2026-01' }),
  'subsidy.compute': ({ b }) => b.subsidy.compute({ month: '2026-01' }),
  'subsidy.exportLedger': ({ b }) => b.subsidy.exportLedger({ month: '2026-01' }),
  'fileReview.getSamples': ({ b }) => b.fileReview.getSamples(),
  'fileReview.getSample': ({ b }) => b.fileReview.getSample({ id: aFileReviewSampleId }).catch(refused),
  'fileReview.drawSample': ({ b }) =>
    b.fileReview
      .drawSample({ organisationId: a.organisations.stationB, month: '2026-01', size: 1 })
      .catch(refused),
  'fileReview.review': ({ b }) =>
    b.fileReview.review({ reviewId: aFileReviewId, grade: 'fail', findings: '越权评查' }).catch(refused),
  'announcement.getMany': ({ b }) => b.announcement.getMany({}),
  'announcement.create': ({ b }) =>
    b.announcement
      .create({ organisationId: a.organisations.stationA, title: '越权', body: '越权', publish: true })
      .catch(refused),
  'announcement.publish': ({ b }) => b.announcement.publish({ id: aAnnouncementId }).catch(refused),
  // Inspections: A's are not found for B; B's own lists and checklist carry nothing of A's.
  'inspection.getMany': ({ b }) =>
    Promise.all([
      b.inspection.getMany({}),
      b.inspection.getMany({ organisationId: a.organisations.stationA }).catch(refused),
    ]),
  'inspection.get': ({ b }) => b.inspection.get({ id: aInspectionId }).catch(refused),
  'inspection.getInspectors': ({ b }) => b.inspection.getInspectors(),
  'inspection.create': ({ b }) =>
    b.inspection
      .create({
        organisationId: a.organisations.stationA,
        checklistId: aChecklistId,
        inspectedOn: '2026-05-12',
        inspectorIds: [a.people.headA],
        scores: [{ itemId: '1.1', score: 1 }],
      })
      .catch(refused),
  'inspection.setRectificationDone': ({ b }) =>
    b.inspection.setRectificationDone({ id: aRectificationId, done: true }).catch(refused),
  'inspection.checklist.get': ({ b }) =>
    Promise.all([
      b.inspection.checklist.get({}),
      b.inspection.checklist.get({ id: aChecklistId }).catch(refused),
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
  'notification.getMany': ({ b }) => b.notification.getMany({}),
  'notification.countUnread': ({ b }) => b.notification.countUnread(),
  'notification.markRead': ({ b }) => b.notification.markRead({ ids: [aNotificationId] }),
  'sweep.getMany': ({ b }) => b.sweep.getMany(),
  'sweep.markReviewed': ({ b }) => b.sweep.markReviewed({ id: aSweepReviewId }).catch(refused),
  'consent.getMany': ({ b }) => b.consent.getMany({ caseId: aCase.id }).catch(refused),
  'consent.create': ({ b }) =>
    b.consent.create({ caseId: aCase.id, purpose: 'feedback-contact' }).catch(refused),
  'consent.withdraw': ({ b }) =>
    b.consent.withdraw({ caseId: aCase.id, consentId: aConsentId }).catch(refused),
  'case.issueRatingCode': ({ b }) => b.case.issueRatingCode({ caseId: aCase.id }).catch(refused),
  // The code is the resident's credential: without A's code, nothing of A is reachable.
  'rating.check': ({ b }) => b.rating.check({ code: 'AAAAA-AAAAA' }).catch(refused),
  'rating.submit': ({ b }) => b.rating.submit({ code: 'AAAAA-AAAAA', score: 1 }).catch(refused),
  'questionnaire.getMany': ({ b }) => b.questionnaire.getMany(),
  'questionnaire.get': ({ b }) => b.questionnaire.get({ id: aQuestionnaireId }).catch(refused),
  'questionnaire.create': ({ b }) =>
    b.questionnaire
      .create({
        organisationId: a.organisations.stationA,
        title: '越权问卷',
        questions: [{ kind: 'scale', text: '满意吗', required: true }],
      })
      .catch(refused),
  'questionnaire.update': ({ b }) =>
    b.questionnaire
      .update({
        id: aQuestionnaireId,
        data: { title: '越权修改', questions: [{ kind: 'text', text: '改' }] },
      })
      .catch(refused),
  'questionnaire.revise': ({ b }) => b.questionnaire.revise({ id: aQuestionnaireId }).catch(refused),
  'questionnaire.round.open': ({ b }) =>
    b.questionnaire.round
      .open({
        questionnaireId: aQuestionnaireId,
        opensOn: '2026-05-01',
        closesOn: '2026-05-31',
        publicLink: true,
      })
      .catch(refused),
  'questionnaire.round.close': ({ b }) => b.questionnaire.round.close({ id: aRoundId }).catch(refused),
  'questionnaire.round.summary': ({ b }) => b.questionnaire.round.summary({ id: aRoundId }).catch(refused),
  'questionnaire.round.export': ({ b }) => b.questionnaire.round.export({ id: aRoundId }).catch(refused),
  // Like the rating code, the code or link is the resident's key: without A's, nothing of A is reachable.
  'questionnaire.answer.open': ({ b }) => b.questionnaire.answer.open({ code: 'AAAAA-AAAAA' }).catch(refused),
  'questionnaire.answer.submit': ({ b }) =>
    b.questionnaire.answer.submit({ code: 'AAAAA-AAAAA', answers: [] }).catch(refused),
  'assessment.getMany': ({ b }) =>
    Promise.all([
      b.assessment.getMany({}),
      b.assessment.getMany({ organisationId: a.organisations.stationA }),
    ]),
  // A's unit names are B's too (the test districts mirror each other): the rows land in B only.
  'assessment.import': ({ b }) =>
    b.assessment.import({
      fileName: 'walk.csv',
      csv: '评估机构,评估期间,服务点,指标,得分\r\n某评估公司,2026-Q1,甲街道工作站,服务规范化,10\r\n',
    }),
  'assessment.template': ({ b }) => b.assessment.template(),
  // A's unit is not found for B; B's own district figures carry nothing of A's.
  'stats.get': ({ b }) =>
    Promise.all([
      b.stats.get({ period: '2026', organisationId: a.organisations.stationA }).catch(refused),
      b.stats.get({ period: '2026' }),
    ]),
  'stats.report.create': ({ b }) =>
    b.stats.report.create({ period: '2026-01', organisationId: a.organisations.stationA }).catch(refused),
  'stats.report.getMany': ({ b }) => b.stats.report.getMany(),
  'stats.city': ({ b }) => b.stats.city({ month: '2026-01' }),
  // B's own received reports only (RLS); B is a district, so no tenants of a city are listed.
  'stats.cityOverview.get': ({ b }) => b.stats.cityOverview.get({ period: '2026-Q1' }),
  'stats.cityOverview.exportXlsx': ({ b }) => b.stats.cityOverview.exportXlsx({ period: '2026-01' }),
  // B's own city setting and sendings only; a city on a node B has not pinned is refused before
  // anything is kept, and without the worker nothing is sent.
  'stats.citySetting.get': ({ b }) => b.stats.citySetting.get(),
  'stats.citySetting.set': ({ b }) =>
    b.stats.citySetting.set({ cityNodeId: 'unpinned-node', cityTenant: a.slug }).catch((e: unknown) => {
      if (e instanceof TRPCError && e.code === 'BAD_REQUEST') return 'refused';
      throw e;
    }),
  'stats.citySetting.clear': ({ b }) => b.stats.citySetting.clear(),
  'stats.citySend.create': ({ b }) =>
    b.stats.citySend.create({ month: '2026-01' }).catch((e: unknown) => {
      if (e instanceof TRPCError && e.code === 'BAD_REQUEST') return 'refused';
      throw e;
    }),
  'stats.citySend.getMany': ({ b }) => b.stats.citySend.getMany(),
  // B's own ranking and map: A's matters and units are not counted or drawn.
  'stats.hotspots': ({ b }) => b.stats.hotspots({ month: '2026-01' }),
  'stats.report.download': ({ b }) =>
    b.stats.report.download({ id: a.organisations.stationA }).catch(refused),
  // Coverage reads and writes B's own communities and rule only (RLS): A's stay as they were.
  'coverage.get': ({ b }) => b.coverage.get(),
  'coverage.setRule': ({ b }) =>
    b.coverage.setRule({ townMetres: 1000, villageMetres: 1800, walkingFactor: 1.4 }),
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
    b.caseSettings.setTimeLimit({ serviceType: 'mediation', category: '*', workingDays: 3 }),
  // A district administrator's session is no operator's: nothing to report.
  'platform.me': ({ b }) => b.platform.me(),
  'platform.login': () =>
    h.caller().platform.login({ username: 'admin', password: TEST_PASSWORD }).catch(refused),
  'platform.verifyTotp': ({ b }) => b.platform.verifyTotp({ code: h.nextTotp(a.totpSecret) }).catch(refused),
  'platform.tenant.getMany': ({ b }) => b.platform.tenant.getMany().catch(refused),
  'platform.tenant.setStatus': ({ b }) =>
    b.platform.tenant.setStatus({ tenantId: a.tenantId, status: 'suspended' }).catch(refused),
  'platform.tenant.create': ({ b }) =>
    b.platform.tenant
      .create({
        slug: a.slug,
        nameZh: 'x',
        nameEn: 'x',
        divisionCode: '310104',
        centre: { nameZh: 'x', nameEn: 'x' },
        firstAdmin: { username: 'x1', displayName: 'x', password: 'x' },
      })
      .catch(refused),
};

/** Everything of A a leak or a write could touch, read as the owner (past RLS). */
async function snapshotOf(tenantId: string) {
  const [counts] = await owner.db.execute<Record<string, string>>(sql`
    select
      (select count(*) from organisation where tenant_id = ${tenantId}) as organisations,
      (select string_agg(id::text || coalesce(closed_at::text, ''), ',' order by id) from organisation where tenant_id = ${tenantId}) as organisation_state,
      (select string_agg(id::text || password_hash || coalesce(totp_key_encrypted, '') || display_name || organisation_id::text || coalesce(phone_index, '-'), ',' order by id) from staff_member where tenant_id = ${tenantId}) as staff_state,
      (select string_agg(staff_member_id::text || role || organisation_id::text, ',' order by id) from role_grant where tenant_id = ${tenantId}) as grants,
      (select string_agg(id::text || coalesce(ended_early_on::text, ''), ',') from community_adviser where tenant_id = ${tenantId}) as advisers,
      (select string_agg(coalesce(disabled_at::text, '-'), ',' order by id) from staff_member where tenant_id = ${tenantId}) as disabled,
      (select status from tenant where id = ${tenantId}) as status,
      (select name_zh || name_en || branding::text from tenant where id = ${tenantId}) as branding,
      (select string_agg(organisation_id::text || plugin_id || enabled::text, ',') from service_enablement where tenant_id = ${tenantId}) as services,
      (select count(*) from audit_entry where tenant_id = ${tenantId}) as audit_entries,
      (select count(*) from session where tenant_id = ${tenantId}) as sessions,
      (select string_agg(id::text || status || current_organisation_id::text || coalesce(assignee_id::text, '-') || service_type || coalesce(paused_since::text, '-'), ',' order by id) from "case" where tenant_id = ${tenantId}) as cases,
      (select count(*) from case_event where tenant_id = ${tenantId}) as case_events,
      (select count(*) from case_party where tenant_id = ${tenantId}) as case_parties,
      (select count(*) from case_link where tenant_id = ${tenantId}) as case_links,
      (select count(*) from case_document where tenant_id = ${tenantId}) as case_documents,
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
      (select string_agg(id::text || status, ',' order by id) from sweep_review where tenant_id = ${tenantId}) as sweep_reviews,
      (select string_agg(id::text || status, ',' order by id) from referral where tenant_id = ${tenantId}) as referrals,
      (select count(*) from referral_event where tenant_id = ${tenantId}) as referral_events,
      (select string_agg(day::text || kind, ',' order by day) from calendar_day where tenant_id = ${tenantId}) as calendar,
      (select string_agg(number_prefix || require_satisfaction_to_close::text, ',') from case_setting where tenant_id = ${tenantId}) as case_settings,
      (select string_agg(service_type || category || working_days::text, ',') from time_limit where tenant_id = ${tenantId}) as time_limits,
      (select string_agg(id::text || weekday::text || starts_at, ',' order by id) from duty_slot where tenant_id = ${tenantId}) as duty_slots,
      (select string_agg(month || theme, ',' order by month) from themed_day where tenant_id = ${tenantId}) as themed_days,
      (select string_agg(id::text || status, ',' order by id) from announcement where tenant_id = ${tenantId}) as announcements,
      (select string_agg(id::text || coalesce(appeal_filed_on::text, '-') || coalesce(appeal_outcome, '-'), ',' order by id) from provider_record where tenant_id = ${tenantId}) as provider_records,
      (select string_agg(id::text || name, ',' order by id) from volunteer where tenant_id = ${tenantId}) as volunteers,
      (select string_agg(id::text || minutes::text, ',' order by id) from volunteer_hours where tenant_id = ${tenantId}) as volunteer_hours,
      (select string_agg(id::text || amount_fen::text, ',' order by id) from subsidy_rule where tenant_id = ${tenantId}) as subsidy_rules,
      (select count(*) from subsidy_entry where tenant_id = ${tenantId}) as subsidy_entries,
      (select string_agg(id::text || month, ',' order by id) from file_review_sample where tenant_id = ${tenantId}) as file_review_samples,
      (select string_agg(id::text || coalesce(grade, '-'), ',' order by id) from file_review where tenant_id = ${tenantId}) as file_reviews,
      (select count(*) from notary_booking_slot where tenant_id = ${tenantId}) as notary_slots,
      (select string_agg(id::text || coalesce(cancelled_at::text, '-'), ',' order by id) from notary_booking where tenant_id = ${tenantId}) as notary_bookings,
      (select string_agg(case_id::text || document_id, ',' order by case_id, document_id) from notary_document_received where tenant_id = ${tenantId}) as notary_documents,
      (select count(*) from mediation_mediator where tenant_id = ${tenantId}) as mediators,
      (select count(*) from mediation_session where tenant_id = ${tenantId}) as mediation_sessions,
      (select string_agg(id::text || coalesce(judicial_referral_id::text, '-'), ',' order by id) from mediation_agreement where tenant_id = ${tenantId}) as agreements,
      (select count(*) from mediation_confirmation where tenant_id = ${tenantId}) as confirmations,
      (select string_agg(effective_from::text || monthly_per_capita_income::text, ',' order by effective_from) from legal_aid_threshold where tenant_id = ${tenantId}) as legal_aid_thresholds,
      (select count(*) from legal_aid_decision where tenant_id = ${tenantId}) as legal_aid_decisions,
      (select count(*) from legal_aid_closure where tenant_id = ${tenantId}) as legal_aid_closures,
      (select count(*) from legal_aid_subsidy where tenant_id = ${tenantId}) as legal_aid_subsidies,
      (select count(*) from legal_education_event where tenant_id = ${tenantId}) as education_events,
      (select string_agg(id::text || title || attendance, ',' order by id) from legal_education_event where tenant_id = ${tenantId}) as education_event_rows,
      (select count(*) from consultation_log where tenant_id = ${tenantId}) as consultation_logs,
      (select count(*) from appraisal_advice where tenant_id = ${tenantId}) as appraisal_advice,
      (select string_agg(id::text || version::text, ',' order by version) from inspection_checklist where tenant_id = ${tenantId}) as inspection_checklists,
      (select string_agg(id::text || total_score::text, ',' order by id) from inspection where tenant_id = ${tenantId}) as inspections,
      (select string_agg(id::text || coalesce(done_at::text, '-'), ',' order by id) from inspection_rectification where tenant_id = ${tenantId}) as rectifications,
      (select string_agg(basic_weight::text || outcome_weight::text, ',') from scorecard_setting where tenant_id = ${tenantId}) as scorecard_weights,
      (select string_agg(quarter || rows::text, ',' order by quarter) from scorecard where tenant_id = ${tenantId}) as scorecards`);
  return counts;
}

const A_PHONE = '13912345678';
const A_RESIDENT_PHONE = '13698765432';
let aCase: { id: string; number: string; residentId: string };
let aSecondCaseId: string;
let aDocumentId: string;
let aReferralId: string;
let aNotificationId: string;
let aSweepReviewId: string;
let aConsentId: string;
let aDutySlotId: string;
let aAnnouncementId: string;
let aProviderRecordId: string;
let aVolunteerId: string;
let aVolunteerHoursId: string;
let aSubsidyRuleId: string;
let aFileReviewSampleId: string;
let aFileReviewId: string;
let aQuestionnaireId: string;
let aRoundId: string;
let aChecklistId: string;
let aInspectionId: string;
let aRectificationId: string;
const idsOfA = () => [
  aProviderRecordId,
  aVolunteerId,
  aVolunteerHoursId,
  aSubsidyRuleId,
  aFileReviewSampleId,
  aFileReviewId,
  aQuestionnaireId,
  aRoundId,
  aDutySlotId,
  aAnnouncementId,
  aChecklistId,
  aInspectionId,
  aRectificationId,
  a.tenantId,
  a.adviserId,
  aCase.id,
  aCase.number,
  aCase.residentId,
  aSecondCaseId,
  aDocumentId,
  aReferralId,
  aNotificationId,
  aSweepReviewId,
  aConsentId,
  ...Object.values(a.organisations),
  ...Object.values(a.people),
];

beforeAll(async () => {
  a = await createTestDistrict(h.db, h.box, 'walk-a', { phone: A_PHONE });
  b = await createTestDistrict(h.db, h.box, 'walk-b');
  // A case of A with everything a case can have that B could reach for.
  await withTenant(h.db, a.tenantId, async (tx) => {
    const actor = systemActor(a.tenantId, 'test');
    const intake = (description: string) =>
      intakeCase(tx, actor, h.box, {
        channel: 'walk-in',
        resident: { name: '甲区居民', phone: A_RESIDENT_PHONE },
        serviceType: 'mediation',
        description,
        organisationId: a.organisations.stationA,
        parties: [{ role: 'adverse', name: '甲区被申请人' }],
      });
    aCase = await intake('甲区的邻里纠纷');
    aSecondCaseId = (await intake('甲区的司法确认')).id;
    await linkCases(tx, actor, {
      fromCaseId: aCase.id,
      toCaseId: aSecondCaseId,
      kind: 'judicial-confirmation',
    });
    aConsentId = (
      await recordPartnerConsent(tx, actor, {
        caseId: aCase.id,
        partnerOrganisationId: a.organisations.court,
      })
    ).id;
    // A referral of A (its workflow is not needed here: B must be refused before reaching it).
    aReferralId = (
      await createReferral(
        tx,
        actor,
        h.box,
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
    aNotificationId = told?.id ?? '';
    aSweepReviewId = (await sweepMonth(tx, { tenantId: a.tenantId, month: '2026-01' })).reviewId;
    aDutySlotId = (
      await addDutySlot(tx, actor, {
        organisationId: a.organisations.roomA,
        weekday: 3,
        startsAt: '09:00',
        endsAt: '11:30',
        serviceType: 'consultation',
        personName: '甲区值班律师',
      })
    ).id;
    aAnnouncementId = (
      await createAnnouncement(tx, actor, {
        organisationId: a.organisations.stationA,
        title: '甲区草稿公告',
        body: '甲区尚未发布的通知',
      })
    ).id;
    aQuestionnaireId = (
      await createQuestionnaire(tx, actor, {
        organisationId: a.organisations.stationA,
        title: '甲区满意度问卷',
        questions: [{ kind: 'text', text: '甲区的问题', required: true }],
      })
    ).id;
    aRoundId = (
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
    aChecklistId = (
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
    aInspectionId = aInspection.id;
    const [aRectification] = await tx
      .select({ id: schema.inspectionRectification.id })
      .from(schema.inspectionRectification)
      .where(eq(schema.inspectionRectification.inspectionId, aInspection.id));
    aRectificationId = aRectification?.id ?? '';
    await publishScorecard(tx, actor, { quarter: '2026-Q2' });
    const files = createLocalFileStore(mkdtempSync(join(tmpdir(), 'linju-walk-')));
    aDocumentId = (
      await attachDocument(tx, actor, files, {
        caseId: aCase.id,
        fileName: 'a.txt',
        contentType: 'text/plain',
        contentBase64: Buffer.from('甲区材料').toString('base64'),
      })
    ).id;
    aProviderRecordId = (
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
    aVolunteerId = (
      await registerVolunteer(tx, actor, h.box, {
        organisationId: a.organisations.roomA,
        name: '甲区志愿者',
        phone: A_PHONE,
        skills: ['甲区特长'],
        availability: '甲区周一',
        registeredOn: '2026-01-01',
      })
    ).id;
    aVolunteerHoursId = (
      await logVolunteerHours(tx, actor, {
        volunteerId: aVolunteerId,
        servedOn: '2026-01-07',
        dutySlotId: aDutySlotId,
      })
    ).id;
    aSubsidyRuleId =
      (await setSubsidyRule(tx, actor, { serviceType: 'mediation', outcome: 'success', amountFen: 20000 }))
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
    aFileReviewSampleId = (
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
    aFileReviewId = aReview?.id ?? '';
  });
  await h.signIn(a.slug, 'admin', TEST_PASSWORD, a.totpSecret); // A has a live session to keep
});
afterAll(async () => {
  await h.close();
  await owner.close();
});

describe('cross-tenant isolation walk', () => {
  it('covers every procedure of the API', () => {
    expect(Object.keys(attempts).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  it.each(Object.keys(attempts))(
    '%s leaks nothing of another district and changes nothing there',
    async (path) => {
      ({ api: adminB, sessionToken: adminBToken } = await h.signIn(
        b.slug,
        'admin',
        TEST_PASSWORD,
        b.totpSecret,
      ));
      const before = await snapshotOf(a.tenantId);
      const attempt = attempts[path] as Attempt;
      const result = await attempt({
        b: adminB,
        bWithHintA: h.caller({ sessionToken: adminBToken, tenantSlugHint: a.slug }),
      });
      const serialised = JSON.stringify(result ?? null);
      for (const id of idsOfA()) expect(serialised).not.toContain(id);
      expect(serialised).not.toContain(a.slug);
      expect(serialised).not.toContain(A_PHONE);
      expect(serialised).not.toContain(A_RESIDENT_PHONE);
      expect(serialised).not.toContain('甲区');
      expect(await snapshotOf(a.tenantId)).toEqual(before);
    },
  );

  it('really ran as B (the walk is not vacuous)', async () => {
    const { api } = await h.signIn(b.slug, 'admin', TEST_PASSWORD, b.totpSecret);
    const organisations = await api.organisation.getMany();
    expect(organisations.map((o) => o.id)).toContain(b.organisations.stationA);
    const [row] = await owner.db.select().from(schema.tenant).where(eq(schema.tenant.id, b.tenantId));
    expect((await api.tenant.getCurrent()).slug).toBe(row?.slug);
  });
});
