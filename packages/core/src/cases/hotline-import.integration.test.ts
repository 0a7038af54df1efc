import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, sql, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { createLocalDocumentStore } from '../documents/index.ts';
import { importHotlineNow } from '../testing/hotline-import-now.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { findCases } from './case-queries.ts';
import { getHotlineImport, requestHotlineImport, runHotlineImport } from './hotline-import-job.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let head: Actor;

// Four batches of 200 prove the batching; larger files are the benchmark's (IMPORT_ROWS).
const ROWS = Number(process.env.IMPORT_ROWS ?? 800);
const header = '工单编号,受理时间,来电人,联系电话,诉求内容,问题分类,紧急程度';
const row = (i: number) =>
  `GD2026${String(i).padStart(6, '0')},2026-03-${String((i % 27) + 1).padStart(2, '0')} 09:${String(i % 60).padStart(2, '0')},市民${i},1380000${String(i).padStart(4, '0')},"小区物业乱收停车费，要求说明依据（第${i}件）",物业管理,${i % 50 === 0 ? '紧急' : '一般'}`;
const exportOf = (rows: string[]) => `\ufeff${[header, ...rows].join('\r\n')}\r\n`;

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'import');
  head = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
});
afterAll(() => app.close());

const importCsv = (csv: string) =>
  importHotlineNow(app.db, head, box, { organisationId: d.organisations.stationA, file: csv });
const hotlineCases = async () => {
  const [count] = await withTenant(app.db, d.tenantId, (tx) =>
    tx.execute<{ n: number }>(sql`select count(*)::int as n from "case" where channel = 'hotline-12345'`),
  );
  return count?.n;
};

describe('12345 hotline import', () => {
  it(`imports ${ROWS} rows in batches with a per-row error report, and nothing twice`, async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => row(i + 1));
    const bad = [
      'GD-BAD-1,2026-13-45 09:00,市民甲,13800001111,内容',
      'GD-BAD-2,2026-03-02 09:00,市民乙,12345,内容',
      ',2026-03-02 09:00,市民丙,13800002222,内容',
      'GD-BAD-4,2026-03-02 09:00,,13800003333,内容',
      row(7), // the same order twice in one file
    ];
    const report = await importCsv(exportOf([...rows, ...bad]));
    expect(report).toMatchObject({
      status: 'done',
      progress: 100,
      rows: ROWS + bad.length,
      rowsDone: ROWS + bad.length,
      imported: ROWS,
      errors: 4,
      alreadyImported: 1,
    });
    expect(report.rowErrors).toEqual([
      { row: ROWS + 2, orderNumber: 'GD-BAD-1', field: 'receivedAt', key: 'validation.date_invalid' },
      { row: ROWS + 3, orderNumber: 'GD-BAD-2', field: 'phone', key: 'personal_data.phone_invalid' },
      { row: ROWS + 4, orderNumber: null, field: 'orderNumber', key: 'validation.required' },
      { row: ROWS + 5, orderNumber: 'GD-BAD-4', field: 'name', key: 'validation.required' },
    ]);
    expect(report.alreadyImportedRows).toEqual([{ row: ROWS + 6, orderNumber: 'GD2026000007' }]);

    // The same export again (a duplicate import): every order is recognised, nothing is added.
    const again = await importCsv(exportOf(rows.slice(0, Math.min(300, ROWS))));
    expect(again).toMatchObject({ imported: 0, errors: 0, alreadyImported: Math.min(300, ROWS) });
    expect(await hotlineCases()).toBe(ROWS);
  });

  it('resumes an interrupted run after its last committed batch: nothing twice, nothing lost', async () => {
    const files = createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'linju-import-')));
    const rows = Array.from({ length: 25 }, (_, i) => row(5000 + i));
    const before = await hotlineCases();
    const { id } = await withTenant(app.db, d.tenantId, (tx) =>
      requestHotlineImport(tx, head, files, {
        organisationId: d.organisations.stationA,
        fileBase64: Buffer.from(exportOf(rows)).toString('base64'),
      }),
    );
    // The worker dies after its first batch of 10 committed.
    const died = new Error('worker died');
    await expect(
      runHotlineImport(app.db, d.tenantId, id, {
        box,
        files,
        batchRows: 10,
        onBatch: () => {
          throw died;
        },
      }),
    ).rejects.toBe(died);
    const halfway = await withTenant(app.db, d.tenantId, (tx) => getHotlineImport(tx, head, { id }));
    expect(halfway).toMatchObject({ status: 'running', rowsDone: 10, imported: 10, progress: 40 });
    // Only its own workflow takes over a running import; a plain runner leaves it alone.
    expect(await runHotlineImport(app.db, d.tenantId, id, { box, files })).toBe('skipped');
    const progress: number[] = [];
    const outcome = await runHotlineImport(
      app.db,
      d.tenantId,
      id,
      { box, files, batchRows: 10, onBatch: (p) => progress.push(p.rowsDone) },
      { takeOver: true },
    );
    expect(outcome).toBe('done');
    expect(progress).toEqual([20, 25]);
    const done = await withTenant(app.db, d.tenantId, (tx) => getHotlineImport(tx, head, { id }));
    expect(done).toMatchObject({
      status: 'done',
      rowsDone: 25,
      imported: 25,
      alreadyImported: 0,
      progress: 100,
    });
    expect((await hotlineCases()) ?? 0).toBe((before ?? 0) + 25);
    // One summary audit entry for the whole import, when its last batch committed.
    const audits = await withTenant(app.db, d.tenantId, (tx) =>
      tx
        .select({ action: schema.auditEntry.action })
        .from(schema.auditEntry)
        .where(eq(schema.auditEntry.objectId, id)),
    );
    expect(audits.map((a) => a.action).sort()).toEqual([
      'case.hotline_import_requested',
      'case.hotline_imported',
    ]);
  });

  it('reads a CSV file saved by Excel in GB18030 (GBK), as Chinese Windows does', async () => {
    // 工单编号,受理时间,来电人,联系电话,诉求内容 and a row for 张三, byte by byte.
    const gb = (hex: string) => Buffer.from(hex.replace(/ /g, ''), 'hex');
    const header = gb(
      'b9a4 b5a5 b1e0 bac5 2c ca dc c0 ed ca b1 bc e4 2c c0 b4 b5 e7 c8 cb 2c c1 aa cf b5 b5 e7 bb b0 2c cb df c7 f3 c4 da c8 dd 0d0a',
    );
    const line = Buffer.concat([
      Buffer.from('GB0001,2026-03-05 10:00,'),
      gb('d5c5 c8fd'), // 张三
      Buffer.from(',13800009901,'),
      gb('d4eb d2f4'), // 噪音
      Buffer.from('\r\n'),
    ]);
    const report = await importHotlineNow(app.db, head, box, {
      organisationId: d.organisations.stationA,
      file: Buffer.concat([header, line]),
    });
    expect(report).toMatchObject({ status: 'done', imported: 1, errors: 0 });
    const found = await withTenant(app.db, d.tenantId, (tx) =>
      findCases(tx, head, box, { phone: '13800009901', limit: 5 }),
    );
    expect(found.cases[0]).toMatchObject({ externalRef: 'GB0001', residentName: '张三' });
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
    await expect(importCsv('编号,内容\nA,B\n')).rejects.toMatchObject({
      message: 'import.columns_missing',
      field: 'fileBase64',
      params: { columns: '受理时间、来电人、联系电话' },
    });
  });
});
