import type { TenantTx } from '@linju/db';
import { LIST_EXPORTS } from '@linju/vocabulary';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { type Actor, auditActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';

/** The most rows one export holds: a list's whole current filter, within reason for one file. */
export const LIST_EXPORT_MAX_ROWS = 5000;

export const ZListExportRequest = z.object({
  /** Which list it is (the audit entry's object). */
  list: z.enum(LIST_EXPORTS),
  /** The list's filter as its address gives it (never a search term: that would be personal data). */
  filter: z.string().max(500),
  /** The sheet's and the file's name without the date and extension (案件台账). */
  title: z.string().trim().min(1).max(31),
  /** The district's date of the export (its file name's end). */
  day: z.iso.date(),
  columns: z.array(z.string().max(60)).min(1).max(30),
  /** The cells as the screen shows them: labels, not codes; personal data masked as there. */
  rows: z.array(z.array(z.string().max(4000)).max(30)).max(LIST_EXPORT_MAX_ROWS),
});

/**
 * 导出 Excel: a list's rows as the screen shows them, as an XLSX named after the list and the day,
 * audited as an export (what was exported, under which filter, how many rows — not the rows).
 */
export async function exportList(tx: TenantTx, actor: Actor, request: z.input<typeof ZListExportRequest>) {
  const { list, filter, title, day, columns, rows } = ZListExportRequest.parse(request);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(title);
  sheet.addRow(columns).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.columns.forEach((column) => {
    column.width = 20;
    // Text cells: numbers of cases and phones read back exactly as shown.
    column.numFmt = '@';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'list.exported',
    objectType: 'list',
    objectId: list,
    after: { filter, rows: rows.length, columns },
  });
  return {
    fileName: `${title}-${day}.xlsx`,
    rows: rows.length,
    contentBase64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
  };
}
