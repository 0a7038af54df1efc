import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, withTenant } from '@linju/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../actor.ts';
import { importHotlineNow } from '../testing/hotline-import-now.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { findCases } from './case-queries.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let head: Actor;

/** A workbook as a 12345 system exports it: dates as date cells, phone numbers as numbers. */
async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('工单');
  sheet.addRow(['工单编号', '受理时间', '来电人', '联系电话', '诉求内容', '问题分类', '紧急程度']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}
const at = (day: number, hour: number, minute: number) => new Date(Date.UTC(2026, 3, day, hour, minute));
const importFile = (file: string | Uint8Array) =>
  importHotlineNow(app.db, head, box, { organisationId: d.organisations.stationA, file });
const importXlsx = importFile;
const importCsv = importFile;

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'xlsx');
  head = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
});
afterAll(() => app.close());

describe('12345 import from an .xlsx workbook', () => {
  it('reads an urgency named like an object property (constructor) as an unknown one: normal', async () => {
    const report = await importXlsx(
      await workbook([
        ['XL0101', at(5, 9, 0), '市民庚', 13800005101, '楼道堆物', '环境', 'constructor'],
        ['XL0102', at(5, 9, 5), '市民辛', 13800005102, '楼道堆物', '环境', '__proto__'],
      ]),
    );
    expect(report).toMatchObject({ rows: 2, imported: 2, errors: 0 });
    for (const phone of ['13800005101', '13800005102']) {
      const found = await withTenant(app.db, d.tenantId, (tx) =>
        findCases(tx, head, box, { phone, limit: 5 }),
      );
      expect(found.cases[0]).toMatchObject({ urgency: 'normal' });
    }
  });

  it('reads date, number and rich-text cells through the same row checks, with a per-row report', async () => {
    const report = await importXlsx(
      await workbook([
        ['XL0001', at(1, 9, 15), '市民甲', 13800005001, '噪音扰民，夜间施工', '环境', '一般'],
        [
          'XL0002',
          '2026-04-02 10:30',
          { richText: [{ text: '市民' }, { text: '乙', font: { bold: true } }] },
          '13800005002',
          '拖欠工资',
          '劳动',
          '紧急',
        ],
        ['XL0003', at(3, 8, 0), '市民丙', 12345, '内容', null, null],
        ['XL0001', at(1, 9, 15), '市民甲', 13800005001, '同一工单重复出现', null, null],
        [],
        ['XL0005', 'not a date', '市民戊', 13800005005, '内容', null, null],
      ]),
    );
    expect(report).toMatchObject({ rows: 5, imported: 2 });
    expect(report.rowErrors).toEqual([
      { row: 4, orderNumber: 'XL0003', field: 'phone', key: 'personal_data.phone_invalid' },
      { row: 7, orderNumber: 'XL0005', field: 'receivedAt', key: 'validation.date_invalid' }, // row 6 is blank
    ]);
    expect(report.alreadyImportedRows).toEqual([{ row: 5, orderNumber: 'XL0001' }]);
    const found = await withTenant(app.db, d.tenantId, (tx) =>
      findCases(tx, head, box, { phone: '13800005001', limit: 5 }),
    );
    expect(found.cases[0]).toMatchObject({
      externalRef: 'XL0001',
      residentName: '市民甲',
      receivedAt: new Date('2026-04-01T01:15:00Z'), // 09:15 in Shanghai, as the cell shows
    });
    const urgent = await withTenant(app.db, d.tenantId, (tx) =>
      findCases(tx, head, box, { phone: '13800005002', limit: 5 }),
    );
    expect(urgent.cases[0]).toMatchObject({ residentName: '市民乙', urgency: 'urgent' });
  });

  it('never imports an order twice, whether it came before as CSV or as a workbook', async () => {
    await importCsv(
      '工单编号,受理时间,来电人,联系电话,诉求内容\nXL0100,2026-04-05 09:00,市民庚,13800005100,内容\n',
    );
    const report = await importXlsx(
      await workbook([
        ['XL0100', at(5, 9, 0), '市民庚', 13800005100, '内容', null, null],
        ['XL0002', at(2, 10, 30), '市民乙', 13800005002, '拖欠工资', null, null],
      ]),
    );
    expect(report).toMatchObject({ imported: 0, errors: 0 });
    expect(report.alreadyImportedRows.map((a) => a.orderNumber)).toEqual(['XL0100', 'XL0002']);
  });

  it('says so when the file is not a workbook, and names missing columns', async () => {
    // A ZIP that is no workbook (the bytes say ZIP, so it is read as one).
    await expect(importXlsx(Buffer.from('PK\x03\x04 not a workbook'))).rejects.toMatchObject({
      message: 'import.xlsx_unreadable',
      field: 'fileBase64',
    });
    const book = new ExcelJS.Workbook();
    book.addWorksheet('x').addRow(['编号', '内容']);
    await expect(importXlsx(Buffer.from(await book.xlsx.writeBuffer()))).rejects.toMatchObject({
      message: 'import.columns_missing',
      field: 'fileBase64',
    });
  });
});
