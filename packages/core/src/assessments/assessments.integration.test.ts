import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, type TenantTx, withTenant } from '@linju/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Actor, systemActor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { readXlsxTable } from '../tabular-import/xlsx-table.ts';
import { gbkBytes } from '../testing/gbk-bytes.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { importAssessmentResults, listAssessmentResults } from './assessment-import.ts';
import { assessmentTemplateXlsx } from './assessment-template.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let other: TestDistrict;
let bureau: Actor;
let headA: Actor;
let deskA: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>, tenantId = d.tenantId) =>
  withTenant(app.db, tenantId, fn);

const header = '评估机构,评估期间,服务点,指标,得分,备注';
const csvOf = (rows: string[]) => `\ufeff${[header, ...rows].join('\r\n')}\r\n`;
const GOOD = [
  '明镜评估咨询公司,2026-Q1,甲街道工作站,服务规范化,18.5,窗口标识齐全',
  '明镜评估咨询公司,2026年第1季度,甲街道工作站,群众满意度,27,',
  '明镜评估咨询公司,2026-Q1,乙街道工作站,服务规范化,16,台账不全',
  '明镜评估咨询公司,2026-Q1,甲居民区工作室,服务规范化,19.25,',
];

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'assess');
  other = await createTestDistrict(app.db, box, 'assess-other');
  bureau = systemActor(d.tenantId, 'bureau');
  [headA, deskA] = await Promise.all([
    actorOf(app.db, d.tenantId, d.people.headA),
    actorOf(app.db, d.tenantId, d.people.deskA),
  ]);
});
afterAll(() => app.close());

describe('third-party assessment import', () => {
  it('imports the good rows, reports each bad row with its sheet row number, and skips it', async () => {
    const report = await inTenant((tx) =>
      importAssessmentResults(tx, bureau, {
        fileName: '2026一季度评估.csv',
        csv: csvOf([
          ...GOOD,
          '明镜评估咨询公司,2026年春,甲街道工作站,服务规范化,10,',
          '明镜评估咨询公司,2026-Q1,不存在的站,服务规范化,10,',
          '明镜评估咨询公司,2026-Q1,甲街道工作站,队伍建设,满分,',
          ',2026-Q1,甲街道工作站,队伍建设,10,',
          '明镜评估咨询公司,2026-Q1,测试法院,服务规范化,10,',
        ]),
      }),
    );
    expect(report).toMatchObject({ rows: 9, imported: 4, alreadyImported: [] });
    expect(report.errors).toEqual([
      { row: 6, field: 'period', key: 'assessment.period_invalid', params: { value: '2026年春' } },
      {
        row: 7,
        field: 'servicePoint',
        key: 'assessment.service_point_unknown',
        params: { value: '不存在的站' },
      },
      { row: 8, field: 'score', key: 'assessment.score_invalid', params: { value: '满分' } },
      { row: 9, field: 'assessor', key: 'validation.required' },
      // Partners are not service points.
      {
        row: 10,
        field: 'servicePoint',
        key: 'assessment.service_point_unknown',
        params: { value: '测试法院' },
      },
    ]);
  });

  it('imports nothing twice: the same file again stores nothing, and a different score is an error, not an overwrite', async () => {
    const again = await inTenant((tx) =>
      importAssessmentResults(tx, bureau, {
        fileName: 'again.csv',
        csv: csvOf([...GOOD, '明镜评估咨询公司,2026-Q1,乙街道工作站,服务规范化,12,复核后', GOOD[0] ?? '']),
      }),
    );
    expect(again).toMatchObject({ rows: 6, imported: 0, alreadyImported: [2, 3, 4, 5, 7] });
    expect(again.errors).toEqual([
      {
        row: 6,
        field: 'score',
        key: 'assessment.result_differs',
        params: { value: '12.00', recorded: '16.00' },
      },
    ]);
    const { results } = await inTenant((tx) => listAssessmentResults(tx, bureau, { period: '2026-Q1' }));
    expect(results).toHaveLength(4);
    expect(results.find((r) => r.organisationNameZh === '乙街道工作站')?.score).toBe(16);
  });

  it('reads the downloadable template and an .xlsx in the same way', async () => {
    const template = await readXlsxTable(await assessmentTemplateXlsx());
    expect(template).toEqual([['评估机构', '评估期间', '服务点', '指标', '得分', '备注']]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('评估结果');
    sheet.addRow(template[0] ?? []);
    sheet.addRow(['明镜评估咨询公司', '2026-03', '乙街道工作站', '群众满意度', 28.5, '']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const report = await inTenant((tx) =>
      importAssessmentResults(tx, bureau, { fileName: 'march.xlsx', xlsxBase64: bytes.toString('base64') }),
    );
    expect(report).toMatchObject({ rows: 1, imported: 1, errors: [] });
  });

  it('reads a CSV file saved by Excel in GB18030 (GBK) from its bytes', async () => {
    const bytes = gbkBytes(
      ['评估机构,评估期间,服务点,指标,得分', '宏远评估中心,2026-03,乙街道工作站,服务规范化,9'].join('\r\n'),
    );
    const report = await inTenant((tx) =>
      importAssessmentResults(tx, bureau, {
        fileName: 'gbk.csv',
        fileBase64: Buffer.from(bytes).toString('base64'),
      }),
    );
    expect(report).toMatchObject({ rows: 1, imported: 1, errors: [] });
  });

  it('refuses a file without the required columns, naming them', async () => {
    const error = await inTenant((tx) =>
      importAssessmentResults(tx, bureau, {
        fileName: 'x.csv',
        csv: '评估机构,服务点,得分\r\n甲,甲街道工作站,1\r\n',
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).params).toEqual({ columns: '评估期间、指标' });
  });

  it('lets the bureau import, and each unit see only the results of its own subtree', async () => {
    const denied = await inTenant((tx) =>
      importAssessmentResults(tx, headA, { fileName: 'x.csv', csv: csvOf(GOOD) }),
    ).catch((e: unknown) => e);
    expect((denied as DomainError).message).toBe('auth.forbidden');
    const seenByHeadA = await inTenant((tx) => listAssessmentResults(tx, headA, { period: '2026-Q1' }));
    expect(new Set(seenByHeadA.results.map((r) => r.organisationNameZh))).toEqual(
      new Set(['甲街道工作站', '甲居民区工作室']),
    );
    expect((await inTenant((tx) => listAssessmentResults(tx, deskA, {}))).results).toEqual([]);
    const all = await inTenant((tx) => listAssessmentResults(tx, bureau, {}));
    expect(all.periods).toEqual(['2026-Q1', '2026-03']);
  });

  it('keeps each district apart: another district sees none of these results', async () => {
    const otherBureau = systemActor(other.tenantId, 'other bureau');
    const seen = await inTenant((tx) => listAssessmentResults(tx, otherBureau, {}), other.tenantId);
    expect(seen).toEqual({ periods: [], results: [] });
  });
});
