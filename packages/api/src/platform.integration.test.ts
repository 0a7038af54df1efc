import { createPlatformOperator } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { connect } from '@linju/db';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness, totpNow } from './test-context.ts';

const h = apiHarness();
// Operators are made by the operator CLI, as the owner: the application role only reads them.
const owner = connect(inject('ownerDatabaseUrl'));
let district: TestDistrict;
let operator: AppCaller;
const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'platform');
  const username = `op-${Math.random().toString(36).slice(2, 8)}`;
  const { totpSecret } = await createPlatformOperator(owner.db, h.box, {
    username,
    displayName: '平台运维',
    password: 'Operator-pass-1',
  });
  const { sessionToken } = await h.caller().platform.login({ username, password: 'Operator-pass-1' });
  operator = h.caller({ sessionToken });
  expect(await operator.platform.tenant.getMany().catch(codeOf)).toBe('UNAUTHORIZED auth.totp_required');
  expect(await operator.platform.me()).toMatchObject({ operator: { displayName: '平台运维' }, next: 'totp' });
  await operator.platform.verifyTotp({ code: totpNow(totpSecret) });
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
  });
});
