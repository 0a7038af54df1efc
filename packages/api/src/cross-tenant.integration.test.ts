import { randomUUID } from 'node:crypto';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { connect, eq, schema, sql } from '@linju/db';
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
      (select count(*) from session where tenant_id = ${tenantId}) as sessions`);
  return counts;
}

const A_PHONE = '13912345678';
const idsOfA = () => [a.tenantId, a.adviserId, ...Object.values(a.organisations), ...Object.values(a.people)];

beforeAll(async () => {
  a = await createTestDistrict(h.db, h.box, 'walk-a', { phone: A_PHONE });
  b = await createTestDistrict(h.db, h.box, 'walk-b');
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
