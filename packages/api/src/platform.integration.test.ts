import { createPlatformOperator } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { connect } from '@linju/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ZodError } from 'zod';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

const h = apiHarness();
// Operators are made by the operator CLI, as the owner: the application role only reads them.
const owner = connect(inject('ownerDatabaseUrl'));
let district: TestDistrict;
let operator: AppCaller;
const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));

/** A new operator: their username, TOTP key, and a password-only sign-in (a session owing the code). */
async function newOperator() {
  const username = `op-${Math.random().toString(36).slice(2, 8)}`;
  const { totpSecret } = await createPlatformOperator(owner.db, h.box, {
    username,
    displayName: '平台运维',
    password: 'Operator-pass-1',
  });
  const passwordOnly = async () => {
    const { sessionToken } = await h.caller().platform.login({ username, password: 'Operator-pass-1' });
    return { api: h.caller({ sessionToken }), sessionToken };
  };
  return { username, totpSecret, passwordOnly };
}

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'platform');
  const { username, totpSecret, passwordOnly } = await newOperator();
  const { api: half } = await passwordOnly();
  expect(await half.platform.tenant.getMany().catch(codeOf)).toBe('UNAUTHORIZED auth.totp_required');
  expect(await half.platform.me()).toMatchObject({ operator: { displayName: '平台运维' }, next: 'totp' });
  const { sessionToken } = await half.platform.verifyTotp({ code: h.nextTotp(totpSecret) });
  operator = h.caller({ sessionToken });
  expect(await operator.platform.me()).toMatchObject({ operator: { username }, next: 'home' });
  expect(await h.caller().platform.me()).toBeNull();
});
afterAll(() => Promise.all([h.close(), owner.close()]));

describe('the platform console', () => {
  it('lists districts with their volumes, no personal data', async () => {
    const row = (await operator.platform.tenant.getMany()).find((t) => t.slug === district.slug);
    expect(row).toMatchObject({ status: 'active', organisations: 5, staff: 6 });
  });

  it('onboards a district through the API, idempotently', async () => {
    const request = {
      slug: `api-${Math.random().toString(36).slice(2, 8)}`,
      nameZh: '闵行区司法局',
      nameEn: 'Minhang District Justice Bureau',
      divisionCode: '310112',
      services: ['consultation'],
      centre: { nameZh: '闵行区公共法律服务中心', nameEn: 'Minhang PLS Centre' },
      firstAdmin: { username: 'admin', displayName: '管理员', password: 'Minhang-pass-1' },
    };
    expect((await operator.platform.tenant.create(request)).created).toBe(true);
    expect((await operator.platform.tenant.create(request)).created).toBe(false);
  });

  it('suspending a district refuses its people at once; resuming lets them back', async () => {
    const { api: desk } = await h.signIn(district.slug, 'desk', TEST_PASSWORD);
    await operator.platform.tenant.setStatus({ tenantId: district.tenantId, status: 'suspended' });
    expect(await desk.organisation.getMany().catch(codeOf)).toBe('FORBIDDEN tenant.suspended');
    expect(
      await h
        .caller()
        .auth.login({ tenantSlug: district.slug, username: 'desk', password: TEST_PASSWORD })
        .catch(codeOf),
    ).toBe('FORBIDDEN tenant.suspended');
    await operator.platform.tenant.setStatus({ tenantId: district.tenantId, status: 'active' });
    expect((await desk.organisation.getMany()).length).toBeGreaterThan(0);
  });

  it('is closed to district staff, however senior', async () => {
    const { api: admin } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
    expect(await admin.platform.tenant.getMany().catch(codeOf)).toBe('FORBIDDEN auth.forbidden');
    expect(await admin.platform.me()).toBeNull();
    expect(
      await admin.platform.domain.add({ tenantId: district.tenantId, host: 'fw.evil.example' }).catch(codeOf),
    ).toBe('FORBIDDEN auth.forbidden');
  });
});

describe('a district’s own host names', () => {
  it('are given and taken back by an operator, one district per host, each change in the district’s audit', async () => {
    const host = `fw.${district.slug}.example.gov.cn`;
    expect(
      await operator.platform.domain.add({ tenantId: district.tenantId, host: ` FW.${host.slice(3)}. ` }),
    ).toEqual({
      host,
      tenantId: district.tenantId,
    });
    expect((await operator.platform.domain.getMany()).find((d) => d.host === host)).toMatchObject({
      slug: district.slug,
    });
    const other = await createTestDistrict(h.db, h.box, 'platform-other');
    expect(await operator.platform.domain.add({ tenantId: other.tenantId, host }).catch(codeOf)).toBe(
      'CONFLICT platform.domain_taken',
    );
    await operator.platform.domain.remove({ host });
    expect((await operator.platform.domain.getMany()).some((d) => d.host === host)).toBe(false);
    expect(await operator.platform.domain.remove({ host }).catch(codeOf)).toBe(
      'NOT_FOUND platform.domain_not_found',
    );
    const { api: admin } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret);
    const actions = (
      await admin.audit.getMany({ objectType: 'tenant', objectId: district.tenantId })
    ).entries.map((entry) => [entry.action, entry.after ?? entry.before]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['tenant.domain_added', { host }],
        ['tenant.domain_removed', { host }],
      ]),
    );
  });

  it('refuses what is not a host name, naming the field', async () => {
    for (const host of [
      'localhost',
      'http://fw.example.org',
      'fw example.org',
      '10.0.0.1',
      '-a.example.org',
    ]) {
      const refusal = await operator.platform.domain
        .add({ tenantId: district.tenantId, host })
        .catch((e) => e);
      expect(refusal, host).toBeInstanceOf(TRPCError);
      expect(refusal.message, host).toBe('validation.failed');
      const issues = (refusal.cause as ZodError).issues.map((issue) => [issue.path.join('.'), issue.message]);
      expect(issues, host).toEqual([['host', 'platform.domain_invalid']]);
    }
  });
});

describe('the operators’ second factor', () => {
  it('locks after five wrong codes, whatever session they come from, even for the right code then', async () => {
    const op = await newOperator();
    const attacker = await op.passwordOnly();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        attacker.api.platform.verifyTotp({ code: String(200000 + i) }).catch(codeOf),
      ),
    );
    expect(answers.filter((a) => a === 'UNAUTHORIZED auth.totp_invalid')).toHaveLength(5);
    expect(answers.filter((a) => a === 'TOO_MANY_REQUESTS auth.throttled')).toHaveLength(3);
    const again = await op.passwordOnly();
    expect(await again.api.platform.verifyTotp({ code: h.nextTotp(op.totpSecret) }).catch(codeOf)).toBe(
      'TOO_MANY_REQUESTS auth.throttled',
    );
  });

  it('takes a code once', async () => {
    const op = await newOperator();
    const code = h.nextTotp(op.totpSecret);
    expect((await (await op.passwordOnly()).api.platform.verifyTotp({ code })).next).toBe('home');
    const attacker = await op.passwordOnly();
    expect(await attacker.api.platform.verifyTotp({ code }).catch(codeOf)).toBe(
      'UNAUTHORIZED auth.totp_used',
    );
    expect(await attacker.api.platform.tenant.getMany().catch(codeOf)).toBe(
      'UNAUTHORIZED auth.totp_required',
    );
  });

  it('replaces the session once the code is accepted: the token from before opens nothing', async () => {
    const op = await newOperator();
    const before = await op.passwordOnly();
    const after = await before.api.platform.verifyTotp({ code: h.nextTotp(op.totpSecret) });
    expect(after.sessionToken).not.toBe(before.sessionToken);
    expect(await before.api.platform.me()).toBeNull();
    expect(await before.api.platform.tenant.getMany().catch(codeOf)).toBe('UNAUTHORIZED auth.not_signed_in');
    expect(
      (await h.caller({ sessionToken: after.sessionToken }).platform.tenant.getMany()).length,
    ).toBeGreaterThan(0);
  });

  it('refuses an unknown operator exactly as a wrong password', async () => {
    const unknown = await h
      .caller()
      .platform.login({ username: 'nobody-here', password: 'Operator-pass-1' })
      .catch(codeOf);
    expect(unknown).toBe('UNAUTHORIZED auth.invalid_credentials');
  });
});
