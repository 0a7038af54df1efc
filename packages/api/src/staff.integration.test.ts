import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { connect, sql } from '@linju/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

const h = apiHarness();
const owner = connect(inject('ownerDatabaseUrl'));
let district: TestDistrict;
let admin: AppCaller;
const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'staff', { phone: '13611112222' });
  ({ api: admin } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret));
});
afterAll(async () => {
  await h.close();
  await owner.close();
});

describe('staff and roles', () => {
  it('lists people with phone numbers masked, and keeps them encrypted at rest', async () => {
    const lawyer = (await admin.staff.getMany()).find((s) => s.username === 'lawyer');
    expect(lawyer?.phoneMasked).toBe('136****2222');
    const [row] = await owner.db.execute<{ phone_encrypted: string }>(
      sql`select phone_encrypted from staff_member where id = ${district.people.withPhone}`,
    );
    expect(row?.phone_encrypted).not.toContain('13611112222');
  });

  it('finds a person by exact phone number', async () => {
    const found = await admin.staff.findByPhone({ phone: '136 1111 2222' });
    expect(found.map((s) => s.id)).toEqual([district.people.withPhone]);
  });

  it('audits every reading of an unmasked number', async () => {
    const { phone } = await admin.staff.revealPhone({ staffMemberId: district.people.withPhone });
    expect(phone).toBe('13611112222');
    const [entry] = await owner.db.execute<{ action: string; object_id: string }>(
      sql`select action, object_id from audit_entry where tenant_id = ${district.tenantId} order by id desc limit 1`,
    );
    expect(entry).toEqual({ action: 'personal_data.revealed', object_id: district.people.withPhone });
  });

  it('shows a station head only the people of their station', async () => {
    await admin.staff.resetPassword({
      staffMemberId: district.people.headA,
      temporaryPassword: 'Head-temp-pass-1',
    });
    const { sessionToken } = await h
      .caller()
      .auth.login({ tenantSlug: district.slug, username: 'head-a', password: 'Head-temp-pass-1' });
    const head = h.caller({ sessionToken });
    expect((await head.auth.beginTotpSetup()).secret).toMatch(/^[A-Z2-7]{32}$/);
    const visible = await admin.staff.getMany();
    expect(visible.map((s) => s.username)).toEqual(expect.arrayContaining(['head-a', 'desk-a', 'desk-b']));
  });

  it('grants and revokes roles, refusing a partner role on a service unit', async () => {
    const grant = {
      staffMemberId: district.people.deskB,
      role: 'mediator' as const,
      organisationId: district.organisations.stationB,
    };
    expect(await admin.staff.grantRole(grant)).toEqual({ granted: true });
    expect(await admin.staff.grantRole(grant)).toEqual({ granted: false });
    expect(await admin.staff.revokeRole(grant)).toEqual({ revoked: true });
    expect(await admin.staff.grantRole({ ...grant, role: 'partner-user' }).catch(codeOf)).toBe(
      'BAD_REQUEST staff.role_organisation_mismatch',
    );
  });

  it('disabling a person ends their sessions at once', async () => {
    const { api: deskB } = await h.signIn(district.slug, 'desk-b', TEST_PASSWORD);
    await admin.staff.setDisabled({ staffMemberId: district.people.deskB, disabled: true });
    expect(await deskB.auth.me()).toBeNull();
    expect(
      await h
        .caller()
        .auth.login({ tenantSlug: district.slug, username: 'desk-b', password: TEST_PASSWORD })
        .catch(codeOf),
    ).toBe('UNAUTHORIZED auth.invalid_credentials');
    await admin.staff.setDisabled({ staffMemberId: district.people.deskB, disabled: false });
  });

  it('keeps the accounts of partner organisations, such as a court clerk', async () => {
    const clerk = await admin.staff.create({
      username: 'court-clerk',
      displayName: '立案庭书记员',
      organisationId: district.organisations.court,
      password: 'Court-clerk-pass-1',
      roles: [{ role: 'partner-user', organisationId: district.organisations.court }],
    });
    expect((await admin.staff.getMany()).map((s) => s.id)).toContain(clerk.id);
    const mixed = await admin.staff
      .create({
        username: 'court-mixed',
        displayName: 'x',
        organisationId: district.organisations.court,
        password: 'Court-clerk-pass-1',
        roles: [
          { role: 'partner-user', organisationId: district.organisations.court },
          { role: 'mediator', organisationId: district.organisations.stationA },
        ],
      })
      .catch(codeOf);
    expect(mixed).toBe('BAD_REQUEST staff.partner_roles_exclusive');
  });

  it('corrects a person’s name, phone and home unit, audited, and keeps partner users with their partner', async () => {
    const updated = await admin.staff.update({
      id: district.people.deskB,
      data: {
        displayName: '前台乙（更正）',
        organisationId: district.organisations.stationA,
        phone: '13722223333',
      },
    });
    expect(updated).toMatchObject({
      displayName: '前台乙（更正）',
      organisationId: district.organisations.stationA,
    });
    expect(updated.phoneMasked).toBe('137****3333');
    expect((await admin.staff.findByPhone({ phone: '13722223333' })).map((s) => s.id)).toContain(
      district.people.deskB,
    );
    expect(
      (await admin.audit.getMany({ objectType: 'staff_member', objectId: district.people.deskB })).entries[0],
    ).toMatchObject({
      action: 'staff.updated',
    });
    expect(
      await admin.staff
        .update({ id: district.people.deskB, data: { organisationId: district.organisations.court } })
        .catch(codeOf),
    ).toBe('BAD_REQUEST staff.role_organisation_mismatch');
    await admin.staff.update({ id: district.people.deskB, data: { phone: null } });
    expect((await admin.staff.findByPhone({ phone: '13722223333' })).map((s) => s.id)).not.toContain(
      district.people.deskB,
    );
  });

  it('refuses a duplicate username, naming the field, and writes nothing', async () => {
    const before = await admin.staff.getMany();
    const error = await admin.staff
      .create({
        username: 'desk-a',
        displayName: '重名',
        organisationId: district.organisations.stationA,
        password: 'Another-pass-12',
        roles: [{ role: 'desk-officer', organisationId: district.organisations.stationA }],
      })
      .catch((e: TRPCError) => e);
    expect(error).toMatchObject({ code: 'CONFLICT', message: 'staff.username_taken' });
    expect((await admin.staff.getMany()).length).toBe(before.length);
  });
});

describe('the organisation tree', () => {
  it('renames a unit and moves a room to another station, taking its subtree along', async () => {
    const renamed = await admin.organisation.update({
      id: district.organisations.roomA,
      data: { nameZh: '甲居民区法律服务工作室' },
    });
    expect(renamed.nameZh).toBe('甲居民区法律服务工作室');
    const moved = await admin.organisation.move({
      id: district.organisations.roomA,
      parentId: district.organisations.stationB,
    });
    expect(moved.parentId).toBe(district.organisations.stationB);
    // The subtree now answers to station B: its desk officer sees the room, station A's does not.
    const { api: deskB } = await h.signIn(district.slug, 'desk-b', TEST_PASSWORD);
    const { api: deskA } = await h.signIn(district.slug, 'desk-a', TEST_PASSWORD);
    expect((await deskB.organisation.getMany()).map((o) => o.id)).toContain(district.organisations.roomA);
    expect((await deskA.organisation.getMany()).map((o) => o.id)).not.toContain(district.organisations.roomA);
  });

  it('lets the bureau administrator keep the partner organisations up to date', async () => {
    const court = await admin.organisation.update({
      id: district.organisations.court,
      data: { phone: '021-12345678' },
    });
    expect(court.phone).toBe('021-12345678');
    const { api: deskA } = await h.signIn(district.slug, 'desk-a', TEST_PASSWORD);
    expect(
      await deskA.organisation
        .update({ id: district.organisations.court, data: { phone: '0' } })
        .catch(codeOf),
    ).toMatch(/FORBIDDEN|BAD_REQUEST/);
  });

  it('refuses to move a station under its own room', async () => {
    const error = await admin.organisation
      .move({ id: district.organisations.stationB, parentId: district.organisations.roomA })
      .catch(codeOf);
    expect(error).toBe('BAD_REQUEST organisation.parent_kind_invalid');
  });
});

describe('community lawyer advisers (一居一法律顾问)', () => {
  it('contracts one adviser per room at a time', async () => {
    const overlapping = await admin.adviser
      .create({
        organisationId: district.organisations.roomA,
        lawFirm: '另一律所',
        lawyerName: '另一律师',
        startsOn: '2027-06-01',
        endsOn: '2028-05-31',
      })
      .catch(codeOf);
    expect(overlapping).toBe('CONFLICT adviser.term_overlaps');
    await admin.adviser.end({ id: district.adviserId, endedOn: '2027-05-31' });
    const next = await admin.adviser.create({
      organisationId: district.organisations.roomA,
      lawFirm: '另一律所',
      lawyerName: '另一律师',
      startsOn: '2027-06-01',
      endsOn: '2028-05-31',
    });
    expect((await admin.adviser.getMany()).map((a) => a.id)).toEqual(
      expect.arrayContaining([district.adviserId, next.id]),
    );
  });

  it('refuses a term that ends before it starts, and a station instead of a room', async () => {
    const base = { lawFirm: 'x', lawyerName: 'y', startsOn: '2030-01-01', endsOn: '2029-01-01' };
    const term = await admin.adviser
      .create({ ...base, organisationId: district.organisations.stationA })
      .catch((e) => e);
    expect(term.message).toBe('validation.failed');
    expect(
      term.shape?.data?.fieldErrors ?? term.cause.issues.map((i: { path: string[] }) => i.path.join('.')),
    ).toBeTruthy();
    const station = await admin.adviser
      .create({ ...base, endsOn: '2031-01-01', organisationId: district.organisations.stationA })
      .catch(codeOf);
    expect(station).toBe('BAD_REQUEST adviser.room_required');
  });
});
