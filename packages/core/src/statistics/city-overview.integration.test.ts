import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, eq, schema, withTenant } from '@linju/db';
import { loadOrCreateNodeKey, type NodeKey } from '@linju/federation';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { systemActor } from '../actor.ts';
import { type Measures, zeroMeasures } from '../cases/case-tally.ts';
import { pinPeer } from '../federation/peer-directory.ts';
import { onboardTenant } from '../platform/onboard-tenant.ts';
import { isCityDivision } from '../tenants/division-code.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { alertLateDistrictReports } from './city-late-reports.ts';
import { exportCityOverviewXlsx, getCityOverview } from './city-overview.ts';
import {
  type ActivityTotals,
  receiveStatisticsMessage,
  type StatisticsMessageV2,
  signStatisticsMessage,
} from './city-rollup.ts';

const app = connect(inject('databaseUrl'));
const CITY = 'https://city.example';
let cityTenantId: string;
let citySlug: string;
let key: NodeKey;
let silentTenantId: string;
// A district of the city on this node that has never reported (未报送 without any message).
const SILENT_ON_NODE = '310120';

const onboard = (divisionCode: string, nameZh: string) =>
  onboardTenant(
    app.db,
    {
      slug: `t-ov-${randomBytes(3).toString('hex')}`,
      nameZh,
      nameEn: nameZh,
      divisionCode,
      services: [TEST_SERVICE],
      centre: { nameZh: '公共法律服务中心', nameEn: 'Centre' },
      firstAdmin: { username: 'admin', displayName: '管理员', password: 'Test-password-1' },
    },
    { operatorId: null, operatorName: 'test' },
  );

beforeAll(async () => {
  const city = await onboard('310100', '测试市司法局（汇总）');
  cityTenantId = city.tenant.id;
  citySlug = city.tenant.slug;
  silentTenantId = (await onboard(SILENT_ON_NODE, '测试未报送区司法局')).tenant.id;
  key = await loadOrCreateNodeKey(mkdtempSync(join(tmpdir(), 'districts-')));
  await pinPeer(app.db, {
    nodeId: `districts-${randomUUID().slice(0, 8)}`,
    name: 'Districts node',
    baseUrl: 'https://districts.example',
    publicKeys: [key.publicJwk],
    // The districts this node reports for, as its well-known document lists them.
    organisations: ['310115', '310117', '310118'].map((divisionCode) => ({
      orgId: `d${divisionCode}`,
      names: { 'zh-CN': `区司法局 ${divisionCode}` },
      kind: 'district-bureau' as const,
      divisionCode,
    })),
  });
});
afterAll(() => app.close());

const measures = (m: Partial<Measures>): Measures => ({ ...zeroMeasures(), ...m });
const activity = (a: Partial<ActivityTotals>): ActivityTotals => ({
  educationEvents: 0,
  educationAttendance: 0,
  consultations: 0,
  consultationMinutes: 0,
  hotlineMinutes: 0,
  referralsCompleted: 0,
  referralTurnaroundSeconds: 0,
  ...a,
});
const send = async (
  divisionCode: string,
  districtName: string,
  month: string,
  revision: number,
  totals: Partial<Measures>,
  act: Partial<ActivityTotals>,
) => {
  const message: StatisticsMessageV2 = {
    type: 'linju.district-statistics',
    version: 2,
    divisionCode,
    districtName,
    month,
    to: `${citySlug}@city-node`,
    revision,
    totals: measures(totals),
    byService: [],
    byChannel: [],
    byKeyGroup: [],
    activity: activity(act),
  };
  const receipt = await receiveStatisticsMessage(app.db, cityTenantId, {
    method: 'POST',
    ...signStatisticsMessage(message, key, CITY),
  });
  expect(receipt).toMatchObject({ ok: true });
};
const overview = (period: string) =>
  withTenant(app.db, cityTenantId, (tx) => getCityOverview(tx, systemActor(cityTenantId), { period }));

describe('the city bureau’s districts side by side', () => {
  it('knows a city bureau by its division code, the rule the receiving side uses', () => {
    expect(isCityDivision('310100')).toBe(true);
    expect(isCityDivision('310104')).toBe(false);
    expect(isCityDivision('310000')).toBe(false);
  });

  it('shows each district’s month, the city total as their sum, and who has not reported', async () => {
    await send('310115', '浦东新区司法局', '2025-02', 1, { received: 3 }, { hotlineMinutes: 10 });
    await send(
      '310115',
      '浦东新区司法局',
      '2025-03',
      1,
      { received: 10, resolved: 8, resolvedOnTime: 6, rated: 4, satisfied: 3, scoreSum: 17 },
      { referralsCompleted: 2, hotlineMinutes: 30, educationEvents: 1, educationAttendance: 80 },
    );
    await send('310117', '松江区司法局', '2025-03', 1, { received: 1 }, {});
    // A correction of the month: the city shows revision 2's figures.
    await send(
      '310117',
      '松江区司法局',
      '2025-03',
      2,
      { received: 5, resolved: 2, resolvedOnTime: 2, rated: 2, satisfied: 1, scoreSum: 7 },
      { referralsCompleted: 1, hotlineMinutes: 15, consultations: 4, educationAttendance: 20 },
    );
    // Reported February only: 未报送 for March.
    await send('310118', '青浦区司法局', '2025-02', 1, { received: 7 }, {});

    const march = await overview('2025-03');
    expect(march.cityBureau).toBe(true);
    const row = (code: string) => march.districts.find((d) => d.divisionCode === code);
    expect(row('310115')?.figures).toMatchObject({ received: 10, resolved: 8, onTimeRate: 0.75 });
    expect(row('310115')?.figures.satisfactionRate).toBe(0.75);
    expect(row('310117')).toMatchObject({ revision: 2, figures: { received: 5, resolved: 2 } });
    expect(row('310117')?.lastReceivedAt).toBeInstanceOf(Date);
    expect(march.totals.districtsReporting).toBe(2);
    expect(march.totals.figures).toMatchObject({
      received: 15,
      resolved: 10,
      resolvedOnTime: 8,
      onTimeRate: 0.8,
      rated: 6,
      satisfactionRate: 4 / 6,
    });
    expect(march.totals.activity).toMatchObject({
      referralsCompleted: 3,
      hotlineMinutes: 45,
      consultations: 4,
      educationEvents: 1,
      educationAttendance: 100,
    });
    const silent = march.notReported.map((d) => d.divisionCode);
    expect(silent).toContain('310118');
    expect(silent).toContain(SILENT_ON_NODE);
    expect(silent).not.toContain('310115');
    expect(silent).not.toContain('310117');
    expect(march.notReported.find((d) => d.divisionCode === '310118')).toMatchObject({
      districtName: '青浦区司法局',
      missingMonths: ['2025-03'],
    });
  });

  it('sums a quarter from the stored months and names the months still missing', async () => {
    const q1 = await overview('2025-Q1');
    const pudong = q1.districts.find((d) => d.divisionCode === '310115');
    expect(pudong).toMatchObject({
      reportedMonths: ['2025-02', '2025-03'],
      missingMonths: ['2025-01'],
      figures: { received: 13 },
      activity: { hotlineMinutes: 40 },
    });
    expect(q1.totals.figures.received).toBe(13 + 5 + 7);
    const sum = q1.districts.reduce((t, d) => t + d.figures.received, 0);
    expect(q1.totals.figures.received).toBe(sum);
  });

  it('exports the same table as XLSX, its city total equal to the screen’s', async () => {
    const march = await overview('2025-03');
    const file = await withTenant(app.db, cityTenantId, (tx) =>
      exportCityOverviewXlsx(tx, systemActor(cityTenantId), { period: '2025-03' }),
    );
    expect(file.fileName).toBe('各区汇总-2025年3月.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('各区汇总');
    if (!sheet) throw new Error('no sheet 各区汇总');
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const header = rows[1] as unknown[];
    expect(header).toContain('受理');
    expect(header).toContain('按时办结率');
    const column = (name: string) => header.indexOf(name);
    const total = rows.find((r) => r[1] === '全市合计');
    if (!total) throw new Error('no 全市合计 row');
    expect(total[column('受理')]).toBe(march.totals.figures.received);
    expect(total[column('办结')]).toBe(march.totals.figures.resolved);
    expect(total[column('按时办结率')]).toBe(march.totals.figures.onTimeRate);
    expect(total[column('热线时长（分钟）')]).toBe(march.totals.activity.hotlineMinutes);
    const qingpu = rows.find((r) => r[2] === '310118');
    expect(qingpu?.[3]).toBe('未报送');
    const districtRows = rows.filter(
      (r) => /^3101\d\d$/.test(String(r[2])) && r[1] !== '全市合计' && r[3] !== '未报送',
    );
    const received = districtRows.reduce((t, r) => t + Number(r[column('受理')]), 0);
    expect(received).toBe(total[column('受理')]);
  });
});

describe('the city’s late-reports alert (未报送提醒)', () => {
  const run = (tenantId: string, now: Date) =>
    withTenant(app.db, tenantId, (tx) => alertLateDistrictReports(tx, { tenantId, now }));

  it('tells the city’s administrators once which districts have not reported last month', async () => {
    await send('310115', '浦东新区司法局', '2025-05', 1, { received: 4 }, {});
    // The 28th of June, Shanghai time: May's reports are due.
    const first = await run(cityTenantId, new Date('2025-06-28T01:00:00Z'));
    expect(first.month).toBe('2025-05');
    expect(first.late).toEqual(expect.arrayContaining(['测试未报送区司法局', '青浦区司法局']));
    expect(first.late).not.toContain('浦东新区司法局');
    expect(first.notified).toBeGreaterThan(0);
    const told = await withTenant(app.db, cityTenantId, (tx) =>
      tx
        .select()
        .from(schema.notification)
        .where(eq(schema.notification.dedupeKey, 'city-reports-late:2025-05')),
    );
    expect(told[0]).toMatchObject({
      kind: 'statistics.reports_late',
      messageKey: 'notification.city_reports_late',
      params: { month: '2025-05', count: first.late.length },
    });
    expect(String(told[0]?.params.districts)).toContain('测试未报送区司法局');
    // A second run the same month tells nobody again.
    expect((await run(cityTenantId, new Date('2025-06-28T02:00:00Z'))).notified).toBe(0);
  });

  it('is nothing for a district, which reports rather than receives', async () => {
    expect(await run(silentTenantId, new Date('2025-06-28T01:00:00Z'))).toMatchObject({
      late: [],
      notified: 0,
    });
  });
});
