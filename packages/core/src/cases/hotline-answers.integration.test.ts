import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { localDate } from '../calendar/working-days.ts';
import { parseCsv } from '../tabular-import/csv.ts';
import { readXlsxTable } from '../tabular-import/xlsx-table.ts';
import { importHotlineNow } from '../testing/hotline-import-now.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { changeCaseStatus, triageCase } from './case-service.ts';
import { exportHotlineAnswers, HOTLINE_ANSWER_HEADER } from './hotline-answers.ts';
import { recordResidentFeedback } from './resident-feedback.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let head: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);

const today = localDate(new Date());
const yesterday = localDate(new Date(Date.now() - 86_400_000));
// One order received this morning (answered well within its limit), the others in March (late).
const orders = [
  `HX-OLD-1,2026-03-02 09:00,张三,13800001111,物业乱收停车费,物业管理,一般`,
  `HX-NEW-2,${yesterday} 09:30,欧阳娜娜,13800002222,"邻居装修噪音,夜间施工",噪音扰民,一般`,
  `HX-OPEN-3,2026-03-03 10:00,李四,13800003333,欠薪未付,劳动争议,紧急`,
  `HX-NEW-4,${yesterday} 10:00,王五,13800004444,楼道堆物,物业管理,一般`,
];
const importCsv = `\ufeff工单编号,受理时间,来电人,联系电话,诉求内容,问题分类,紧急程度\r\n${orders.join('\r\n')}\r\n`;

async function caseOf(orderNumber: string) {
  const [row] = await inTenant((tx) =>
    tx.select().from(schema.legalCase).where(eq(schema.legalCase.externalRef, orderNumber)),
  );
  if (!row) throw new Error(`no case for ${orderNumber}`);
  return row;
}

async function startWork(orderNumber: string) {
  const c = await caseOf(orderNumber);
  await inTenant((tx) =>
    triageCase(tx, head, { caseId: c.id, serviceType: TEST_SERVICE, category: 'family' }),
  );
  await inTenant((tx) => changeCaseStatus(tx, head, { caseId: c.id, status: 'in-progress' }));
  return c.id;
}

const rowsByOrder = (table: string[][]) => new Map(table.slice(1).map((r) => [r[0], r]));

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'answers');
  head = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
  await importHotlineNow(app.db, head, box, { organisationId: d.organisations.stationA, file: importCsv });
  // Resolved with a reason and the resident told: the answer is what the resident heard.
  const old = await startWork('HX-OLD-1');
  await inTenant((tx) =>
    changeCaseStatus(tx, head, { caseId: old, status: 'resolved', reason: '已协调物业退还停车费' }),
  );
  await inTenant((tx) =>
    recordResidentFeedback(tx, head, { caseId: old, summary: '电话告知：物业已退还多收的停车费' }),
  );
  // Resolved only: the answer is the resolution's reason.
  const fresh = await startWork('HX-NEW-2');
  await inTenant((tx) =>
    changeCaseStatus(tx, head, { caseId: fresh, status: 'resolved', reason: '已约谈施工方，夜间停工' }),
  );
  // Still being worked on, and never touched: no answer yet.
  await startWork('HX-OPEN-3');
});
afterAll(() => app.close());

describe('12345 answers export', () => {
  it('lists the orders answered in the period, in the import format, personal data masked', async () => {
    const file = await inTenant((tx) =>
      exportHotlineAnswers(tx, head, { from: today, to: today, format: 'csv' }),
    );
    expect(file).toMatchObject({ fileName: `12345工单答复-${today}至${today}.csv`, rows: 2 });
    const bytes = Buffer.from(file.content);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, for Excel
    const text = bytes.toString('utf8');
    const table = parseCsv(text);
    expect(table[0]).toEqual([...HOTLINE_ANSWER_HEADER]);
    expect(table[0]?.[0]).toBe('工单编号');
    const rows = rowsByOrder(table);
    expect([...rows.keys()].sort()).toEqual(['HX-NEW-2', 'HX-OLD-1']);

    const col = (name: (typeof HOTLINE_ANSWER_HEADER)[number]) => HOTLINE_ANSWER_HEADER.indexOf(name);
    const old = rows.get('HX-OLD-1') ?? [];
    expect(old[col('来电人')]).toBe('张*');
    expect(old[col('联系电话')]).toBe('138****1111');
    expect(old[col('办理状态')]).toBe('已答复');
    expect(old[col('答复内容')]).toBe('电话告知：物业已退还多收的停车费');
    expect(old[col('承办单位')]).toBeTruthy();
    expect(old[col('办结时间')]).toMatch(new RegExp(`^${today} \\d{2}:\\d{2}:\\d{2}$`));
    expect(old[col('答复时间')]).toMatch(new RegExp(`^${today} `));
    // Received in March with a limit of working days: answered in November is late.
    expect((old[col('办理时限')] ?? '') < today).toBe(true);
    expect(old[col('是否按时办结')]).toBe('否');

    const fresh = rows.get('HX-NEW-2') ?? [];
    expect(fresh[col('来电人')]).toBe('欧***');
    expect(fresh[col('诉求内容')]).toBe('【噪音扰民】邻居装修噪音,夜间施工');
    expect(fresh[col('办理状态')]).toBe('已办结');
    expect(fresh[col('答复内容')]).toBe('已约谈施工方，夜间停工');
    expect(fresh[col('答复时间')]).toBe('');
    expect((fresh[col('办理时限')] ?? '') >= today).toBe(true);
    expect(fresh[col('是否按时办结')]).toBe('是');

    for (const phone of ['13800001111', '13800002222', '13800003333', '13800004444'])
      expect(text).not.toContain(phone);
    expect(text).not.toContain('HX-OPEN-3');
    expect(text).not.toContain('HX-NEW-4');
  });

  it('gives the same rows as an .xlsx workbook', async () => {
    const csv = await inTenant((tx) =>
      exportHotlineAnswers(tx, head, { from: today, to: today, format: 'csv' }),
    );
    const xlsx = await inTenant((tx) =>
      exportHotlineAnswers(tx, head, { from: today, to: today, format: 'xlsx' }),
    );
    expect(xlsx.fileName).toBe(`12345工单答复-${today}至${today}.xlsx`);
    const sheet = await readXlsxTable(xlsx.content);
    expect(sheet).toEqual(parseCsv(Buffer.from(csv.content).toString('utf8')));
  });

  it('is read back by the import as orders already imported', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const file = await inTenant((tx) => exportHotlineAnswers(tx, head, { from: today, to: today, format }));
      const report = await importHotlineNow(app.db, head, box, {
        organisationId: d.organisations.stationA,
        file: file.content,
      });
      expect(report).toMatchObject({ rows: 2, imported: 0, errors: 0, alreadyImported: 2 });
      expect(report.alreadyImportedRows.map((a) => a.orderNumber).sort()).toEqual(['HX-NEW-2', 'HX-OLD-1']);
    }
  });

  it('leaves out results outside the period, and audits each export', async () => {
    const before = await inTenant((tx) =>
      exportHotlineAnswers(tx, head, { from: '2026-01-01', to: yesterday, format: 'csv' }),
    );
    expect(before.rows).toBe(0);
    expect(parseCsv(Buffer.from(before.content).toString('utf8'))).toEqual([[...HOTLINE_ANSWER_HEADER]]);
    const audits = await inTenant((tx) =>
      tx
        .select()
        .from(schema.auditEntry)
        .where(eq(schema.auditEntry.action, 'case.hotline_answers_exported')),
    );
    expect(audits).toContainEqual(
      expect.objectContaining({
        actorId: d.people.headA,
        after: { from: '2026-01-01', to: yesterday, format: 'csv', rows: 0 },
      }),
    );
  });

  it('refuses a reversed period and staff who do not manage cases (a lawyer)', async () => {
    await expect(
      inTenant((tx) => exportHotlineAnswers(tx, head, { from: today, to: '2026-01-01', format: 'csv' })),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ message: 'hotline.period_invalid' })] });
    const lawyer = await actorOf(app.db, d.tenantId, d.people.withPhone, '律师');
    await expect(
      inTenant((tx) => exportHotlineAnswers(tx, lawyer, { from: today, to: today, format: 'csv' })),
    ).rejects.toMatchObject({ message: 'auth.forbidden' });
  });

  it('gives a unit only the orders imported for the units it manages', async () => {
    const deskB = await actorOf(app.db, d.tenantId, d.people.deskB, '窗口乙');
    const file = await inTenant((tx) =>
      exportHotlineAnswers(tx, deskB, { from: today, to: today, format: 'csv' }),
    );
    expect(file.rows).toBe(0);
  });
});
