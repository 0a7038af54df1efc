import { createTestDistrict, residentCodeSentTo, type TestDistrict } from '@linju/core/testing';
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

async function proved(slug: string, tenantId: string, ip: string) {
  const site = h.caller({ tenantSlugHint: slug, ip });
  await site.residentSession.requestCode({ phone });
  const code = (await residentCodeSentTo(h.db, h.box, tenantId, phone)) ?? '';
  return site.residentSession.verify({ phone, code });
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
