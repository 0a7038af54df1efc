import { DomainError } from '../errors.ts';
import { parseCsv } from './csv.ts';
import { readXlsxTable } from './xlsx-table.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * The text of a CSV file as Chinese spreadsheets save it: UTF-8 (with or without the byte-order
 * mark Excel writes for "CSV UTF-8"), else GB18030 — what Excel on a Chinese Windows writes for
 * plain "CSV", a superset of GBK and GB2312. A file that is valid UTF-8 is read as UTF-8: Chinese
 * text in GB18030 is practically never valid UTF-8 too. GB18030 decodes every byte sequence, so a
 * file that is neither still reads, and its columns go unrecognised (`import.columns_missing`).
 */
export function decodeCsvText(bytes: Uint8Array): string {
  if (UTF8_BOM.every((b, i) => bytes[i] === b)) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** An .xlsx workbook is a ZIP archive: its first bytes say so, whatever the file is called. */
export const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * An uploaded spreadsheet as rows of cell texts: an .xlsx workbook's first sheet, or a CSV file in
 * UTF-8 or GB18030. The bytes decide, not the file name. Refusals name `field`.
 */
export async function readTableFile(bytes: Uint8Array, field: string): Promise<string[][]> {
  if (bytes.length === 0) throw new DomainError('bad-request', 'validation.required', { field });
  return isZip(bytes) ? readXlsxTable(bytes, field) : parseCsv(decodeCsvText(bytes));
}
