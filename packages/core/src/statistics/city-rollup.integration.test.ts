import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { connect, type TenantTx, withTenant } from '@linju/db';
import { loadOrCreateNodeKey, type NodeKey } from '@linju/federation';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemActor } from '../actor.ts';
import { changeCaseStatus, intakeCase } from '../cases/case-service.ts';
import { pinPeer } from '../federation/peer-directory.ts';
import { onboardTenant } from '../platform/onboard-tenant.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { countConsultation, countEducationEvent } from './activity-rollups.ts';
import {
  buildStatisticsMessage,
  getCityStatistics,
  receiveStatisticsMessage,
  type StatisticsMessageV2,
  signStatisticsMessage,
} from './city-rollup.ts';
import { getStatistics } from './statistics-query.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
const CITY = 'https://city.example';
let district: TestDistrict;
let cityTenantId: string;
let citySlug: string;
let districtKey: NodeKey;
let strangerKey: NodeKey;
const month = new Date().toISOString().slice(0, 7);
const inDistrict = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, district.tenantId, fn);

beforeAll(async () => {
  district = await createTestDistrict(app.db, box, 'cityfeed');
  const city = await onboardTenant(
    app.db,
    {
      slug: `t-city-${randomBytes(3).toString('hex')}`,
      nameZh: '测试市司法局',
      nameEn: 'Test city bureau',
      divisionCode: '310100',
      services: [TEST_SERVICE],
      centre: { nameZh: '市公共法律服务中心', nameEn: 'City centre' },
      firstAdmin: { username: 'admin', displayName: '管理员', password: 'Test-password-1' },
    },
    { operatorId: null, operatorName: 'test' },
  );
  cityTenantId = city.tenant.id;
  citySlug = city.tenant.slug;
  districtKey = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'district-')));
  strangerKey = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'stranger-')));
  await pinPeer(app.db, {
    nodeId: `district-${randomUUID().slice(0, 8)}`,
    name: 'District node',
    baseUrl: 'https://district.example',
    publicKeys: [districtKey.publicJwk],
    organisations: [
      { orgId: 'xuhui', names: { 'zh-CN': '徐汇区司法局' }, kind: 'district-bureau', divisionCode: '310104' },
    ],
  });
  const admin = systemActor(district.tenantId, 'test admin');
  for (let i = 0; i < 3; i++) {
    await inDistrict(async (tx) => {
      const c = await intakeCase(tx, admin, box, {
        channel: 'walk-in',
        organisationId: district.organisations.stationA,
        serviceType: TEST_SERVICE,
        description: `市级汇总测试第${i}件`,
        resident: { name: `王某${i}`, phone: `135${String(10_000_000 + i).slice(-8)}`, idNumber: null },
      });
      if (i > 0) {
        await changeCaseStatus(tx, admin, { caseId: c.id, status: 'in-progress' });
        await changeCaseStatus(tx, admin, { caseId: c.id, status: 'resolved' });
      }
    });
  }
  // 法治宣传 and consultations of the month: the activity figures the message carries (version 2).
  await inDistrict(async (tx) => {
    const heldAt = new Date();
    await countConsultation(tx, district.tenantId, {
      organisationId: district.organisations.stationA,
      heldAt,
      channel: 'hotline',
      durationMinutes: 25,
    });
    await countConsultation(tx, district.tenantId, {
      organisationId: district.organisations.stationA,
      heldAt,
      channel: 'walk-in',
      durationMinutes: 40,
    });
    await countEducationEvent(tx, district.tenantId, {
      organisationId: district.organisations.stationA,
      heldOn: `${month}-05`,
      eventType: 'lecture',
      attendance: 120,
    });
  });
});
afterAll(() => app.close());

const build = (revision = 1) =>
  inDistrict((tx) =>
    buildStatisticsMessage(tx, district.tenantId, month, { to: `${citySlug}@city-node`, revision }),
  );
const deliver = (message: StatisticsMessageV2 | Parameters<typeof signStatisticsMessage>[0]) =>
  receiveStatisticsMessage(app.db, cityTenantId, {
    method: 'POST',
    ...signStatisticsMessage(message, districtKey, CITY),
  });
const cityShows = () =>
  withTenant(app.db, cityTenantId, (tx) => getCityStatistics(tx, systemActor(cityTenantId), { month }));

describe('the city roll-up: a district’s monthly statistics as a signed message', () => {
  it('carries the dashboard’s figures and nothing personal, and the city shows them', async () => {
    const message = await build();
    const stats = await inDistrict((tx) =>
      getStatistics(tx, systemActor(district.tenantId), { period: month }),
    );
    expect(message.totals.received).toBe(stats.totals.received);
    expect(message.totals.resolved).toBe(2);
    const text = JSON.stringify(message);
    expect(text).not.toMatch(/王某|135\d{8}/);
    expect(text).not.toContain(district.organisations.stationA);

    const signed = signStatisticsMessage(message, districtKey, CITY);
    const receipt = await receiveStatisticsMessage(app.db, cityTenantId, { method: 'POST', ...signed });
    expect(receipt).toEqual({ ok: true, divisionCode: '310104', month, revision: 1 });
    expect(message.activity).toMatchObject({
      educationEvents: 1,
      educationAttendance: 120,
      consultations: 2,
      consultationMinutes: 65,
      hotlineMinutes: 25,
    });
    const side = await withTenant(app.db, cityTenantId, (tx) =>
      getCityStatistics(tx, systemActor(cityTenantId), { month }),
    );
    expect(side).toHaveLength(1);
    expect(side[0]).toMatchObject({
      divisionCode: '310104',
      districtName: expect.stringContaining('测试区司法局'),
    });
    expect(side[0]?.figures.received).toBe(stats.totals.received);
    expect(side[0]?.figures.onTimeRate).toBe(stats.totals.onTimeRate);
    expect(side[0]?.activity).toEqual(message.activity);
  });

  it('refuses a tampered message, a replay, an unpinned key, and a district of another city', async () => {
    const message = await build(2);
    const signed = signStatisticsMessage(message, districtKey, CITY);
    const tampered = new TextEncoder().encode(
      new TextDecoder()
        .decode(signed.body)
        .replace(/"received":(\d+)/, (_, n) => `"received":${Number(n) + 100}`),
    );
    const refusedTamper = await receiveStatisticsMessage(app.db, cityTenantId, {
      method: 'POST',
      ...signed,
      body: tampered,
    });
    expect(refusedTamper).toMatchObject({
      ok: false,
      status: 401,
      message: expect.stringMatching(/digest/i),
    });
    // The genuine one still goes in once; the same signature again is a replay.
    expect(await receiveStatisticsMessage(app.db, cityTenantId, { method: 'POST', ...signed })).toMatchObject(
      {
        ok: true,
      },
    );
    expect(await receiveStatisticsMessage(app.db, cityTenantId, { method: 'POST', ...signed })).toMatchObject(
      {
        ok: false,
        status: 401,
      },
    );
    const stranger = signStatisticsMessage(message, strangerKey, CITY);
    expect(
      await receiveStatisticsMessage(app.db, cityTenantId, { method: 'POST', ...stranger }),
    ).toMatchObject({
      ok: false,
      status: 401,
    });
    const elsewhere = signStatisticsMessage({ ...message, divisionCode: '320102' }, districtKey, CITY);
    expect(
      await receiveStatisticsMessage(app.db, cityTenantId, { method: 'POST', ...elsewhere }),
    ).toMatchObject({
      ok: false,
      status: 403,
    });
    // A field outside the message's shape (e.g. a resident's name) is refused, even signed.
    const smuggled = signStatisticsMessage(
      { ...message, residents: ['王某'] } as unknown as typeof message,
      districtKey,
      CITY,
    );
    expect(
      await receiveStatisticsMessage(app.db, cityTenantId, { method: 'POST', ...smuggled }),
    ).toMatchObject({
      ok: false,
      status: 400,
    });
    const side = await withTenant(app.db, cityTenantId, (tx) =>
      getCityStatistics(tx, systemActor(cityTenantId), { month }),
    );
    expect(side[0]?.figures.received).toBe(message.totals.received);
  });

  it('keeps the highest revision of a month: a re-send replaces, a stale or changed one is refused', async () => {
    const third = await build(3);
    expect(await deliver(third)).toMatchObject({ ok: true, revision: 3 });
    // The same revision again, unchanged (a retry whose answer was lost): the same receipt.
    expect(await deliver(third)).toEqual({ ok: true, divisionCode: '310104', month, revision: 3 });
    // The same revision with other figures, an older revision, a version 1 message: refused.
    const changed = { ...third, totals: { ...third.totals, received: third.totals.received + 1 } };
    expect(await deliver(changed)).toMatchObject({ ok: false, status: 409 });
    expect(await deliver(await build(1))).toMatchObject({ ok: false, status: 409 });
    const { to: _to, revision: _revision, activity: _activity, ...v1 } = third;
    expect(await deliver({ ...v1, version: 1 })).toMatchObject({ ok: false, status: 409 });
    // A later revision, with a correction, replaces the figures.
    const fourth = { ...(await build(4)), districtName: '测试区司法局（更正）' };
    expect(await deliver(fourth)).toMatchObject({ ok: true, revision: 4 });
    const [shown] = await cityShows();
    expect(shown).toMatchObject({ revision: 4, districtName: '测试区司法局（更正）' });
  });
});
