import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  failure,
  pdfText,
  pluginHarness,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';
import { undrawnCharacters } from '../../../packages/documents/src/testing/index.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;

const checkup = (form: Record<string, unknown>) =>
  admin.case.create({
    channel: 'walk-in',
    resident: {
      name: '张经理',
      phone: `137${Math.floor(Math.random() * 1e8)
        .toString()
        .padStart(8, '0')}`,
    },
    serviceType: 'x-enterprise-checkup',
    category: 'small-enterprise',
    description: '餐饮企业申请法治体检',
    organisationId: district.organisations.stationA,
    form: { enterpriseName: '上海某某餐饮管理有限公司', employees: 12, ...form },
  });

beforeAll(async () => {
  ({ district, admin } = await h.district('x-enterprise-checkup', {
    enable: ['x-enterprise-checkup'],
    files: true,
  }));
});
afterAll(() => h.close());

describe('the check-up’s risk report', () => {
  it('shows the level and the findings, most serious first, before any report is issued', async () => {
    const c = await checkup({
      contractTemplatesReviewed: false,
      wageArrears: true,
      socialInsurancePaid: true,
    });
    const page = await admin['x-enterprise-checkup'].page({ caseId: c.id });
    expect(page.enterprise).toEqual({ name: '上海某某餐饮管理有限公司', employees: 12 });
    expect(page.report.level).toBe('high');
    expect(page.report.findings.map((f) => [f.id, f.severity])).toEqual([
      ['wage-arrears', 'high'],
      ['no-written-contracts', 'high'],
      ['contract-templates', 'medium'],
    ]);
    expect(page.issued).toBeNull();
  });

  it('is issued as a printable PDF filed with the case, every character drawn, and linked from the page', async () => {
    const c = await checkup({
      writtenLabourContracts: true,
      socialInsurancePaid: true,
      pendingLawsuits: true,
    });
    const { documentId, level } = await admin['x-enterprise-checkup'].issueReport({ caseId: c.id });
    expect(level).toBe('medium');
    const file = await admin.case.getDocument({ caseId: c.id, documentId });
    expect(file.fileName).toBe(`企业法律体检报告-${c.number}.pdf`);
    expect(file.contentType).toBe('application/pdf');
    expect(await undrawnCharacters(Buffer.from(file.contentBase64, 'base64'))).toEqual([]);
    const text = await pdfText(file.contentBase64);
    expect(text).toContain('企业法律体检报告');
    expect(text).toContain('受检企业：上海某某餐饮管理有限公司');
    expect(text).toContain('风险等级：中风险');
    expect(text).toContain('甲街道工作站');

    const page = await admin['x-enterprise-checkup'].page({ caseId: c.id });
    expect(page.issued?.documentId).toBe(documentId);
    const { timeline } = await admin.case.get({ caseId: c.id });
    expect(timeline.filter((e) => e.kind === 'note').map((e) => e.text)).toEqual([
      '出具企业法律体检报告（中风险）',
    ]);
  });

  it('links the latest report when it is issued again', async () => {
    const c = await checkup({});
    await admin['x-enterprise-checkup'].issueReport({ caseId: c.id });
    const again = await admin['x-enterprise-checkup'].issueReport({ caseId: c.id });
    expect((await admin['x-enterprise-checkup'].page({ caseId: c.id })).issued?.documentId).toBe(
      again.documentId,
    );
  });

  it('is out of reach of another station’s staff, who cannot see the case', async () => {
    const c = await checkup({});
    const otherStation = await h.member(district, 'desk-officer', district.organisations.stationB);
    expect(await failure(otherStation['x-enterprise-checkup'].issueReport({ caseId: c.id }))).toBe(
      'NOT_FOUND case.not_found',
    );
  });
});
