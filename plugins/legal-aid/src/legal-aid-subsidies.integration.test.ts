import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  pluginHarness,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

/**
 * The subsidy ledger through the API with the real legal-aid plugin: what the plugin recorded as
 * paid comes into the month's ledger once, linked to the plugin's subsidy, in fen.
 */
const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;

beforeAll(async () => {
  ({ district, admin } = await h.district('subsidy-api', { enable: ['legal-aid'] }));
});
afterAll(() => h.close());

describe('the subsidy ledger and legal aid', () => {
  it('takes the legal-aid plugin’s subsidies of the month over once, and exports them', async () => {
    const c = await admin.case.create({
      channel: 'walk-in',
      resident: { name: '马长友', phone: '13712345670' },
      serviceType: 'legal-aid',
      category: 'labour-remuneration',
      description: '申请法律援助',
      organisationId: district.organisations.stationA,
      form: {
        applicantName: '马长友',
        matter: 'labour-remuneration',
        summary: '在工地务工八个月，包工头拖欠工资三万元',
        migrantWorkerWageClaim: true,
      },
    });
    await admin['legal-aid'].decide({ caseId: c.id, granted: true });
    await admin['legal-aid'].recordSubsidy({
      caseId: c.id,
      recipient: '张律师',
      amount: 1500.5,
      basis: '民事案件办案补贴标准',
      paidOn: '2026-10-15',
    });
    const first = await admin.subsidy.compute({ month: '2026-10' });
    expect(first).toMatchObject({ added: 1, addedFen: 150050 });
    expect(await admin.subsidy.compute({ month: '2026-10' })).toMatchObject({ added: 0 });
    const ledger = await admin.subsidy.getLedger({ month: '2026-10' });
    expect(ledger.entries).toEqual([
      expect.objectContaining({
        caseId: c.id,
        caseNumber: c.number,
        serviceType: 'legal-aid',
        source: 'legal-aid',
        recipientName: '张律师',
        amountFen: 150050,
      }),
    ]);
    const file = await admin.subsidy.exportLedger({ month: '2026-10' });
    expect(file).toMatchObject({ fileName: '个案补贴-2026-10.xlsx', totalFen: 150050 });
    // An XLSX is a zip archive.
    expect(Buffer.from(file.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    expect((await admin.subsidy.getLedger({ month: '2026-09' })).entries).toEqual([]);
  });
});
