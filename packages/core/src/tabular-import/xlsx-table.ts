import ExcelJS from 'exceljs';
import { DomainError } from '../errors.ts';
import { checkZipBounds, ZIP_LIMITS } from './zip-bounds.ts';

/** A cell as a spreadsheet shows it, in the text our row validation reads. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel times carry no zone: exceljs hands back the displayed wall-clock time as UTC fields.
    const p = (n: number) => String(n).padStart(2, '0');
    return `${value.getUTCFullYear()}-${p(value.getUTCMonth() + 1)}-${p(value.getUTCDate())} ${p(value.getUTCHours())}:${p(value.getUTCMinutes())}:${p(value.getUTCSeconds())}`;
  }
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text; // a hyperlink
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue); // a formula's value
  if ('error' in value) return '';
  return '';
}

/**
 * The first worksheet of an .xlsx workbook as rows of cell texts, the same table the CSV reader
 * gives: dates as `YYYY-MM-DD HH:mm:ss` wall-clock time, whole numbers (phone numbers typed as
 * numbers) without a decimal point, formulas as their values. Blank rows are kept empty, so
 * that row n of the sheet is `rows[n - 1]`. A file that is no workbook, or one that would unpack
 * past `ZIP_LIMITS` (a zip bomb), is refused naming `field` before exceljs unpacks anything.
 */
export async function readXlsxTable(bytes: Uint8Array, field = 'xlsxBase64'): Promise<string[][]> {
  const bounds = checkZipBounds(bytes);
  if (bounds === 'too-large')
    throw new DomainError('bad-request', 'import.xlsx_too_large', {
      field,
      params: { max: `${ZIP_LIMITS.totalBytes / 1024 / 1024} MB` },
    });
  // Not a workbook at all (a renamed file, a legacy .xls): say so instead of a parser's trace.
  const unreadable = new DomainError('bad-request', 'import.xlsx_unreadable', { field });
  if (bounds === 'malformed') throw unreadable;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  // Row n of the sheet is rows[n - 1]: blank rows stay (empty) so reports give the sheet's numbers.
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    while (rows.length < row.number - 1) rows.push([]);
    rows[row.number - 1] = cells;
  });
  return rows;
}
