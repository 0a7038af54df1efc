import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppCaller } from '@linju/api';
import { createLocalDocumentStore } from '@linju/core';
import { createTestDistrict, type TestDistrict } from '@linju/core/testing';
import { sql, withTenant } from '@linju/db';
import { type HotlineImportResult, hotlineImportWorkflowId } from '@linju/workflows';
import { beforeAll, describe, expect, it } from 'vitest';
import { districtAdminCaller } from './testing/district-admin-caller.ts';
import { useLiveWorker } from './testing/live-worker.ts';

/**
 * The 12345 import as a background job: uploaded through the API (as the server wires it, the
 * workflow started after the commit), imported by the real worker batch by batch from the file
 * store, read back through the API with its progress and per-row report.
 */
const files = createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'linju-import-files-')));
const live = useLiveWorker('imports', { files });
const { box, context } = live;
let d: TestDistrict;
let admin: AppCaller;

const ROWS = 450;
const header = '工单编号,受理时间,来电人,联系电话,诉求内容,问题分类,紧急程度';
const row = (i: number) =>
  `WK${String(i).padStart(6, '0')},2026-04-${String((i % 27) + 1).padStart(2, '0')} 10:00,市民${i},1371000${String(i).padStart(4, '0')},楼上漏水（第${i}件）,物业管理,一般`;
const rows = Array.from({ length: ROWS }, (_, i) => row(i + 1));
const exportOf = (lines: string[]) =>
  Buffer.from(`\ufeff${[header, ...lines].join('\r\n')}\r\n`).toString('base64');

const importToEnd = async (fileBase64: string) => {
  const queued = await admin.case.hotlineImport.create({
    organisationId: d.organisations.stationA,
    fileBase64,
  });
  const result = (await live.client.workflow
    .getHandle(hotlineImportWorkflowId(d.tenantId, queued.id))
    .result()) as HotlineImportResult;
  return { queued, result, job: await admin.case.hotlineImport.get({ id: queued.id }) };
};

beforeAll(async () => {
  d = await createTestDistrict(live.app.db, box, 'import-wf');
  admin = await districtAdminCaller(context, d);
});

describe('the 12345 import on the worker', () => {
  it('is queued by the upload and imported by its workflow, a batch per transaction, with a per-row report', async () => {
    const bad = 'WK-BAD-1,2026-04-02 10:00,市民乙,12345,内容';
    const { queued, result, job } = await importToEnd(exportOf([...rows, bad]));
    expect(queued).toMatchObject({ status: 'queued', rows: ROWS + 1 });
    expect(result).toEqual({ importId: queued.id, outcome: 'done' });
    expect(job).toMatchObject({
      status: 'done',
      progress: 100,
      rows: ROWS + 1,
      rowsDone: ROWS + 1,
      imported: ROWS,
      alreadyImported: 0,
      errors: 1,
    });
    expect(job.rowErrors).toEqual([
      { row: ROWS + 2, orderNumber: 'WK-BAD-1', field: 'phone', key: 'personal_data.phone_invalid' },
    ]);
    // Each batch of 200 rows committed in its own transaction: the district's audit lock was
    // held per batch, never for the whole file.
    const [batches] = await withTenant(live.app.db, d.tenantId, (tx) =>
      tx.execute<{ n: number }>(
        sql`select count(distinct xmin::text)::int as n from "case" where external_ref like 'WK%'`,
      ),
    );
    expect(batches?.n).toBe(3);
    const listed = await admin.case.hotlineImport.getMany();
    expect(listed[0]).toMatchObject({ id: queued.id, status: 'done', progress: 100 });
  });

  it('imports nothing twice when the same export comes again', async () => {
    const { result, job } = await importToEnd(exportOf(rows.slice(0, 250)));
    expect(result.outcome).toBe('done');
    expect(job).toMatchObject({ status: 'done', imported: 0, alreadyImported: 250, errors: 0 });
    const [count] = await withTenant(live.app.db, d.tenantId, (tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from "case" where external_ref like 'WK%'`),
    );
    expect(count?.n).toBe(ROWS);
  });

  it('refuses a file that is no 12345 export at upload, naming what is missing', async () => {
    await expect(
      admin.case.hotlineImport.create({
        organisationId: d.organisations.stationA,
        fileBase64: Buffer.from('编号,内容\nA,B\n').toString('base64'),
      }),
    ).rejects.toMatchObject({ message: 'import.columns_missing' });
  });
});
