import { intakeCase } from '@linju/core';
import {
  createTestDistrict,
  residentCodeSentTo,
  smsSentTo,
  TEST_PASSWORD,
  TEST_SERVICE,
  type TestDistrict,
} from '@linju/core/testing';
import { actorOf } from '@linju/core/testing/test-actor';
import { withTenant } from '@linju/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiHarness } from './test-context.ts';

/**
 * The resident's session through the API as the admin app calls it: the address names the
 * district (`tenantSlugHint`), the cookie carries the token (`residentToken`), and `ctx.resident`
 * is the phone proved in that district only.
 */
const h = apiHarness();
let a: TestDistrict;
let b: TestDistrict;
const phone = '13912340001';
const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));

beforeAll(async () => {
  a = await createTestDistrict(h.db, h.box, 'rs-a');
  b = await createTestDistrict(h.db, h.box, 'rs-b');
});
afterAll(() => h.close());

async function proved(slug: string, tenantId: string, ip: string, mobile = phone) {
  const site = h.caller({ tenantSlugHint: slug, ip });
  await site.residentSession.requestCode({ phone: mobile });
  const code = (await residentCodeSentTo(h.db, h.box, tenantId, mobile)) ?? '';
  return site.residentSession.verify({ phone: mobile, code });
}

describe('residentSession', () => {
  it('proves the phone, and the cookie’s token is that resident in this district only', async () => {
    const { residentToken, expiresAt } = await proved(a.slug, a.tenantId, '10.4.0.1');
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now());
    const here = h.caller({ tenantSlugHint: a.slug, residentToken });
    expect(await here.residentSession.current()).toEqual({ phone, phoneMasked: '139****0001' });
    const elsewhere = h.caller({ tenantSlugHint: b.slug, residentToken });
    expect(await elsewhere.residentSession.current()).toBeNull();

    await here.residentSession.signOut();
    expect(await here.residentSession.current()).toBeNull();
  });

  it('answers a refused code in the resident’s words, on the field', async () => {
    const site = h.caller({ tenantSlugHint: b.slug, ip: '10.4.0.2' });
    await site.residentSession.requestCode({ phone });
    const refused = await site.residentSession.requestCode({ phone }).catch((e: unknown) => e);
    expect(codeOf(refused)).toBe('TOO_MANY_REQUESTS publicResident.code_wait_seconds');
    const wrong = await site.residentSession.verify({ phone, code: 'abc' }).catch((e: unknown) => e);
    expect(codeOf(wrong)).toBe('BAD_REQUEST validation.failed');
  });

  it('needs a district the address names', async () => {
    const refused = await h
      .caller()
      .residentSession.current()
      .catch((e: unknown) => e);
    expect(codeOf(refused)).toBe('NOT_FOUND tenant.not_found');
  });
});

describe('follow', () => {
  const intake = async (d: TestDistrict, residentPhone: string, name: string) => {
    const desk = await actorOf(h.db, d.tenantId, d.people.deskA);
    return withTenant(h.db, d.tenantId, (tx) =>
      intakeCase(tx, desk, h.box, {
        channel: 'walk-in',
        resident: { name, phone: residentPhone, contactPreference: 'sms' },
        serviceType: TEST_SERVICE,
        description: '邻里噪音纠纷',
        organisationId: d.organisations.stationA,
      }),
    );
  };

  it('lists the verified phone’s matters in this district only, and opens none of another’s', async () => {
    const follower = '13912340003';
    const mine = await intake(a, follower, '周一');
    const theirs = await intake(a, '13912340002', '周二');
    await intake(b, follower, '周三');
    const { residentToken } = await proved(a.slug, a.tenantId, '10.4.0.3', follower);
    const site = h.caller({ tenantSlugHint: a.slug, residentToken });

    const matters = await site.follow.getMany();
    expect(matters.map((m) => m.number)).toEqual([mine.number]);
    expect(JSON.stringify(matters)).not.toContain('周一');

    const matter = await site.follow.get({ caseId: mine.id });
    expect(matter).toMatchObject({ number: mine.number, status: 'received', rated: false });
    expect(matter?.workingDaysLeft).toBeGreaterThan(0);
    // Another resident's case is as if it did not exist.
    expect(await site.follow.get({ caseId: theirs.id })).toBeNull();
  });

  it('shows the handler’s message to the resident and announces it by SMS without its text', async () => {
    const follower = '13912340004';
    const mine = await intake(a, follower, '周四');
    const { api: admin } = await h.signIn(a.slug, 'admin', TEST_PASSWORD, a.totpSecret);
    await admin.case.messageResident({ caseId: mine.id, text: '请带身份证原件来司法所。' });

    const { residentToken } = await proved(a.slug, a.tenantId, '10.4.0.4', follower);
    const matter = await h.caller({ tenantSlugHint: a.slug, residentToken }).follow.get({ caseId: mine.id });
    expect(matter?.messages.map((m) => m.text)).toEqual(['请带身份证原件来司法所。']);
    // When and what, never who: staff names stay on the staff side.
    expect(Object.keys(matter?.messages[0] ?? {}).sort()).toEqual(['at', 'text']);
    const notice = await smsSentTo(h.db, h.box, a.tenantId, follower, 'handler-message');
    expect(notice).toEqual({ number: mine.number });
  });

  it('needs a verified phone of this district', async () => {
    const refused = await h
      .caller({ tenantSlugHint: a.slug })
      .follow.getMany()
      .catch((e: unknown) => e);
    expect(codeOf(refused)).toBe('UNAUTHORIZED resident.not_verified');
  });
});
