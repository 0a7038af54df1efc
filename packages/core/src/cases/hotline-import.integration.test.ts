import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, sql, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { findCases } from './case-queries.ts';
import { importHotlineCsv } from './hotline-import.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let head: Actor;

const ROWS = Number(process.env.IMPORT_ROWS ?? 2000);
const header = '工单编号,受理时间,来电人,联系电话,诉求内容,问题分类,紧急程度';
const row = (i: number) =>
  `GD2026${String(i).padStart(6, '0')},2026-03-${String((i % 27) + 1).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')},市民${i},1380000${String(i).padStart(4, '0')},"小区物业乱收停车费，要求说明依据（第${i}件）",物业管理,${i % 50 === 0 ? '紧急' : '一般'}`;
const exportOf = (rows: string[]) => `\ufeff${[header, ...rows].join('\r\n')}\r\n`;

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'import');
  head = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
});
afterAll(() => app.close());

describe('12345 hotline import', () => {
  it(`imports ${ROWS} rows with a per-row error report, and nothing twice`, async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => row(i + 1));
    const bad = [
      'GD-BAD-1,2026-13-45 09:00,市民甲,13800001111,内容',
      'GD-BAD-2,2026-03-02 09:00,市民乙,12345,内容',
      ',2026-03-02 09:00,市民丙,13800002222,内容',
      'GD-BAD-4,2026-03-02 09:00,,13800003333,内容',
      row(7), // the same order twice in one file
    ];
    const report = await withTenant(app.db, d.tenantId, (tx) =>
      importHotlineCsv(tx, head, box, {
        organisationId: d.organisations.stationA,
        csv: exportOf([...rows, ...bad]),
      }),
    );
    expect(report.rows).toBe(ROWS + bad.length);
    expect(report.imported).toBe(ROWS);
    expect(report.errors).toEqual([
      { row: ROWS + 2, orderNumber: 'GD-BAD-1', field: 'receivedAt', key: 'validation.date_invalid' },
      { row: ROWS + 3, orderNumber: 'GD-BAD-2', field: 'phone', key: 'personal_data.phone_invalid' },
      { row: ROWS + 4, orderNumber: null, field: 'orderNumber', key: 'validation.required' },
      { row: ROWS + 5, orderNumber: 'GD-BAD-4', field: 'name', key: 'validation.required' },
    ]);
    expect(report.alreadyImported).toEqual([{ row: ROWS + 6, orderNumber: 'GD2026000007' }]);

    // The same export again (a duplicate import): every order is recognised, nothing is added.
    const again = await withTenant(app.db, d.tenantId, (tx) =>
      importHotlineCsv(tx, head, box, {
        organisationId: d.organisations.stationA,
        csv: exportOf(rows.slice(0, Math.min(300, ROWS))),
      }),
    );
    expect(again).toMatchObject({ imported: 0, errors: [] });
    expect(again.alreadyImported).toHaveLength(Math.min(300, ROWS));
    const [count] = await withTenant(app.db, d.tenantId, (tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from "case" where channel = 'hotline-12345'`),
    );
    expect(count?.n).toBe(ROWS);
  });

  it('imports as the hotline received them: its time, its caller, the importer as first responder', async () => {
    const page = await withTenant(app.db, d.tenantId, (tx) =>
      findCases(tx, head, box, { phone: '13800000042', limit: 5 }),
    );
    expect(page.cases).toHaveLength(1);
    expect(page.cases[0]).toMatchObject({
      channel: 'hotline-12345',
      externalRef: 'GD2026000042',
      residentName: '市民42',
      firstResponderId: d.people.headA,
      receivedAt: new Date('2026-03-16T01:42:00Z'), // 09:42 in Shanghai
    });
  });

  it('names the missing columns of a file that is not a 12345 export', async () => {
    await expect(
      withTenant(app.db, d.tenantId, (tx) =>
        importHotlineCsv(tx, head, box, {
          organisationId: d.organisations.stationA,
          csv: '编号,内容\nA,B\n',
        }),
      ),
    ).rejects.toMatchObject({
      message: 'import.columns_missing',
      params: { columns: '受理时间、来电人、联系电话' },
    });
  });
});
