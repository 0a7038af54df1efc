import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

const h = apiHarness();
let district: TestDistrict;
let admin: AppCaller;
let deskA: AppCaller;
const codeOf = (e: unknown) => (e instanceof TRPCError ? `${e.code} ${e.message}` : String(e));
const failure = (promise: Promise<unknown>) => promise.then(() => 'succeeded', codeOf);

const application = (form: Record<string, unknown>) =>
  admin.case.create({
    channel: 'walk-in',
    resident: {
      name: String(form.applicantName),
      phone: `137${Math.floor(Math.random() * 1e8)
        .toString()
        .padStart(8, '0')}`,
    },
    serviceType: 'legal-aid',
    category: String(form.matter),
    description: '申请法律援助',
    organisationId: district.organisations.stationA,
    form,
  });

const supportClaim = (monthlyHouseholdIncome: number) =>
  application({
    applicantName: '马长友',
    matter: 'support-payments',
    summary: '子女拒绝支付赡养费，申请人年老多病无力起诉',
    hardship: { householdSize: 2, monthlyHouseholdIncome, incomeSources: '养老金', truthfulnessPledge: true },
  });

beforeAll(async () => {
  district = await createTestDistrict(h.db, h.box, 'legal-aid');
  ({ api: admin } = await h.signIn(district.slug, 'admin', TEST_PASSWORD, district.totpSecret));
  ({ api: deskA } = await h.signIn(district.slug, 'desk-a', TEST_PASSWORD));
  await admin.catalogue.setEnabled({
    organisationId: district.organisations.centreId,
    pluginId: 'legal-aid',
    enabled: true,
  });
});
afterAll(() => h.close());

describe('legal aid', () => {
  it('cannot grant a means-tested application before the district sets its threshold', async () => {
    const c = await supportClaim(3000);
    expect((await admin.legalAid.get({ caseId: c.id })).check).toMatchObject({
      eligible: false,
      reason: 'legal_aid.no_threshold',
    });
    expect(await failure(admin.legalAid.decide({ caseId: c.id, granted: true }))).toBe(
      'BAD_REQUEST legal_aid.no_threshold',
    );
  });

  it('lets only the bureau set the threshold, and checks applications against the one in force', async () => {
    expect(
      await failure(
        deskA.legalAid.threshold.set({
          effectiveFrom: '2026-01-01',
          monthlyPerCapitaIncome: 2690,
          basis: '本市最低工资标准',
        }),
      ),
    ).toBe('FORBIDDEN auth.forbidden');
    await admin.legalAid.threshold.set({
      effectiveFrom: '2020-01-01',
      monthlyPerCapitaIncome: 2690,
      basis: '本市最低工资标准',
    });
    expect(await admin.legalAid.threshold.getMany()).toEqual([
      { effectiveFrom: '2020-01-01', monthlyPerCapitaIncome: 2690, basis: '本市最低工资标准' },
    ]);
    const atThreshold = await supportClaim(5380);
    const above = await supportClaim(5380.02);
    const record = await admin.legalAid.get({ caseId: atThreshold.id });
    expect(record.check).toEqual({
      eligible: true,
      route: 'hardship-check',
      perCapitaIncome: 2690,
      threshold: 2690,
    });
    expect((await admin.legalAid.get({ caseId: above.id })).check).toMatchObject({
      eligible: false,
      reason: 'legal_aid.above_threshold',
      perCapitaIncome: 2690.01,
    });
    expect(await failure(admin.legalAid.decide({ caseId: above.id, granted: true }))).toBe(
      'BAD_REQUEST legal_aid.above_threshold',
    );
    expect(await failure(admin.legalAid.decide({ caseId: above.id, granted: false }))).toBe(
      'BAD_REQUEST validation.failed',
    );
    const refused = await admin.legalAid.decide({
      caseId: above.id,
      granted: false,
      reason: '家庭人均收入高于本区标准',
    });
    expect(refused).toMatchObject({ granted: false, threshold: 2690, late: false });
  });

  it('grants a migrant worker’s wage claim without a means test, decides once, within seven days', async () => {
    const c = await application({
      applicantName: '马长友',
      matter: 'labour-remuneration',
      summary: '在工地务工八个月，包工头拖欠工资三万元',
      migrantWorkerWageClaim: true,
    });
    const record = await admin.legalAid.get({ caseId: c.id });
    expect(record.check).toMatchObject({ eligible: true, route: 'exempt-migrant-worker' });
    const decision = await admin.legalAid.decide({ caseId: c.id, granted: true });
    expect(decision).toMatchObject({ granted: true, route: 'exempt-migrant-worker', late: false });
    expect(decision.dueOn > decision.decidedOn).toBe(true);
    expect(await failure(admin.legalAid.decide({ caseId: c.id, granted: true }))).toBe(
      'CONFLICT legal_aid.already_decided',
    );

    await admin.legalAid.reportClosure({
      caseId: c.id,
      lawyerName: '张律师',
      outcome: 'won',
      amountRecovered: 30000,
      summary: '经劳动仲裁，用人单位支付拖欠工资三万元',
    });
    await admin.legalAid.subsidy.create({
      caseId: c.id,
      recipient: '张律师',
      amount: 1500,
      basis: '民事案件办案补贴标准',
      paidOn: '2026-11-20',
    });
    await admin.legalAid.subsidy.create({
      caseId: c.id,
      recipient: '张律师',
      amount: 300.5,
      basis: '交通补贴',
      paidOn: '2026-11-21',
    });
    const after = await admin.legalAid.get({ caseId: c.id });
    expect(after.closure).toMatchObject({ lawyerName: '张律师', outcome: 'won', amountRecovered: 30000 });
    expect(after.subsidies.map((s) => s.amount)).toEqual([1500, 300.5]);
    expect(after.subsidyTotal).toBe(1800.5);
  });

  it('pays subsidies and takes closure reports only for granted cases', async () => {
    const c = await supportClaim(1000);
    expect(
      await failure(
        admin.legalAid.subsidy.create({
          caseId: c.id,
          recipient: '张律师',
          amount: 100,
          basis: '补贴',
          paidOn: '2026-11-20',
        }),
      ),
    ).toBe('BAD_REQUEST legal_aid.not_granted');
  });
});
