import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  attachDocument,
  createLocalFileStore,
  createReferral,
  intakeCase,
  linkCases,
  recordPartnerConsent,
  systemActor,
} from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { connect, eq, schema, sql, withTenant } from '@linju/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type AppCaller, appRouter } from './router.ts';
import { apiHarness, totpNow } from './test-context.ts';

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
    bWithHintA.auth.confirmTotpSetup({ secret: a.totpSecret, code: totpNow(a.totpSecret) }).catch(refused),
  'auth.verifyTotp': ({ bWithHintA }) =>
    bWithHintA.auth.verifyTotp({ code: totpNow(a.totpSecret) }).catch(refused),
  'auth.changePassword': ({ bWithHintA }) =>
    bWithHintA.auth
      .changePassword({ currentPassword: TEST_PASSWORD, newPassword: 'Hijacked-pass-1' })
      .catch(refused),
  'tenant.getCurrent': ({ b }) => b.tenant.getCurrent(),
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
  'staff.setDisabled': ({ b }) =>
    b.staff.setDisabled({ staffMemberId: a.people.desk, disabled: true }).catch(refused),
  'staff.revealPhone': ({ b }) => b.staff.revealPhone({ staffMemberId: a.people.withPhone }).catch(refused),
  'catalogue.getMany': ({ b }) =>
    b.catalogue.getMany({ organisationId: a.organisations.stationA }).catch(refused),
  'catalogue.preview': ({ b }) =>
    b.catalogue.preview({ organisationId: a.organisations.stationA }).catch(refused),
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
  'resident.getMany': ({ b }) => b.resident.getMany({ phone: A_RESIDENT_PHONE }),
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
  'platform.login': () =>
    h.caller().platform.login({ username: 'admin', password: TEST_PASSWORD }).catch(refused),
  'platform.verifyTotp': ({ b }) => b.platform.verifyTotp({ code: totpNow(a.totpSecret) }).catch(refused),
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
      (select string_agg(id::text || password_hash || coalesce(totp_key_encrypted, ''), ',' order by id) from staff_member where tenant_id = ${tenantId}) as staff_state,
      (select string_agg(staff_member_id::text || role || organisation_id::text, ',' order by id) from role_grant where tenant_id = ${tenantId}) as grants,
      (select string_agg(id::text || coalesce(ended_early_on::text, ''), ',') from community_adviser where tenant_id = ${tenantId}) as advisers,
      (select string_agg(coalesce(disabled_at::text, '-'), ',' order by id) from staff_member where tenant_id = ${tenantId}) as disabled,
      (select status from tenant where id = ${tenantId}) as status,
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
      (select count(*) from resident_consent where tenant_id = ${tenantId}) as consents,
      (select string_agg(id::text || status, ',' order by id) from referral where tenant_id = ${tenantId}) as referrals,
      (select count(*) from referral_event where tenant_id = ${tenantId}) as referral_events,
      (select string_agg(day::text || kind, ',' order by day) from calendar_day where tenant_id = ${tenantId}) as calendar,
      (select string_agg(number_prefix || require_satisfaction_to_close::text, ',') from case_setting where tenant_id = ${tenantId}) as case_settings,
      (select string_agg(service_type || category || working_days::text, ',') from time_limit where tenant_id = ${tenantId}) as time_limits`);
  return counts;
}

const A_PHONE = '13912345678';
const A_RESIDENT_PHONE = '13698765432';
let aCase: { id: string; number: string; residentId: string };
let aSecondCaseId: string;
let aDocumentId: string;
let aReferralId: string;
const idsOfA = () => [
  a.tenantId,
  a.adviserId,
  aCase.id,
  aCase.number,
  aCase.residentId,
  aSecondCaseId,
  aDocumentId,
  aReferralId,
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
    await recordPartnerConsent(tx, actor, { caseId: aCase.id, partnerOrganisationId: a.organisations.court });
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
    const files = createLocalFileStore(mkdtempSync(join(tmpdir(), 'linju-walk-')));
    aDocumentId = (
      await attachDocument(tx, actor, files, {
        caseId: aCase.id,
        fileName: 'a.txt',
        contentType: 'text/plain',
        contentBase64: Buffer.from('甲区材料').toString('base64'),
      })
    ).id;
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
