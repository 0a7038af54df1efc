import type { SecretBox } from '@linju/auth';
import { and, eq, inArray, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, requirePermission } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { ZPhone } from '../personal-data/personal-data.ts';
import { ZIntakeRequest } from './case-schemas.ts';
import { intakeCase } from './case-service.ts';

/** Column names seen in 12345 exports, for each field we take; the first is the one we write back. */
export const HOTLINE_COLUMNS = {
  orderNumber: ['工单编号', '工单号', '编号'],
  receivedAt: ['受理时间', '来电时间', '创建时间', '派单时间'],
  name: ['来电人', '来电人姓名', '诉求人', '姓名'],
  phone: ['联系电话', '来电号码', '电话'],
  description: ['诉求内容', '工单内容', '内容', '问题描述'],
  category: ['问题分类', '诉求类型'],
  urgency: ['紧急程度'],
} as const;
const COLUMNS = HOTLINE_COLUMNS;
type Column = keyof typeof COLUMNS;
const REQUIRED: readonly Column[] = ['orderNumber', 'receivedAt', 'name', 'phone', 'description'];

export const MAX_IMPORT_ROWS = 20_000;

/** 20 MiB of file, base64 (the upload page's limit is the server's body limit, lower still). */
const MAX_FILE_BASE64 = Math.ceil((20 * 1024 * 1024 * 4) / 3);

export const ZHotlineImportRequest = z.object({
  /** The unit the orders were dispatched to (where they arrive). */
  organisationId: z.uuid(),
  /** The export's bytes: an .xlsx workbook, or CSV in UTF-8 or GB18030 (the bytes decide). */
  fileBase64: z
    .string()
    .min(1, { message: 'validation.required' })
    .max(MAX_FILE_BASE64, { message: 'import.file_too_large' }),
});

export type ImportRowError = { row: number; orderNumber: string | null; field: string; key: string };
/** What one batch of rows came to. */
export type ImportBatchReport = {
  imported: number;
  alreadyImported: { row: number; orderNumber: string }[];
  errors: ImportRowError[];
  caseNumbers: string[];
};

type SheetRow = { cells: string[]; rowNumber: number };
/** A 12345 export read and checked as a whole: its data rows and where each column is. */
export type HotlineSheet = { rows: SheetRow[]; cell: (cells: string[], column: Column) => string };

/** '2026-03-02 09:15' or '2026/3/2 9:15:00', read as Shanghai local time (the hotline's). */
function parseLocalTime(value: string): Date | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
  if (!m) return null;
  const [, y = '', mo = '', d = '', h = '0', mi = '0', s = '0'] = m;
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h - 8, +mi, +s));
  return Number.isNaN(date.getTime()) || +mo > 12 || +d > 31 ? null : date;
}

/** A Map, so a cell saying `constructor` is an unknown urgency, not a function. */
const URGENCY: ReadonlyMap<string, schema.CaseUrgency> = new Map([
  ['一般', 'normal'],
  ['普通', 'normal'],
  ['紧急', 'urgent'],
  ['特急', 'critical'],
]);

/**
 * A 12345 export's table checked as a whole, before any row is imported: a header with the
 * columns we need (named when missing), at most `MAX_IMPORT_ROWS` data rows. Blank rows are
 * skipped, but rows keep the numbers the spreadsheet shows (header included). Refusals name `field`.
 */
export function readHotlineSheet(table: string[][], field: string): HotlineSheet {
  const blank = (r: string[]) => r.every((c) => c.trim() === '');
  const headerAt = table.findIndex((r) => !blank(r));
  const header = table[headerAt];
  if (headerAt < 0 || !header) throw new DomainError('bad-request', 'import.empty', { field });
  const rows = table
    .map((cells, i) => ({ cells, rowNumber: i + 1 }))
    .slice(headerAt + 1)
    .filter((r) => !blank(r.cells));
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new DomainError('bad-request', 'import.too_many_rows', {
      field,
      params: { max: MAX_IMPORT_ROWS },
    });
  }
  const index = Object.fromEntries(
    (Object.keys(COLUMNS) as Column[]).map((col) => [
      col,
      header.findIndex((h) => (COLUMNS[col] as readonly string[]).includes(h.trim())),
    ]),
  ) as Record<Column, number>;
  const missing = REQUIRED.filter((col) => index[col] < 0);
  if (missing.length > 0) {
    throw new DomainError('bad-request', 'import.columns_missing', {
      field,
      params: { columns: missing.map((col) => COLUMNS[col][0]).join('、') },
    });
  }
  const cell = (r: string[], col: Column) => (index[col] >= 0 ? (r[index[col]] ?? '').trim() : '');
  return { rows, cell };
}

/**
 * Imports some rows of a checked sheet in the caller's transaction. Each valid row becomes a case
 * through the same intake as a walk-in (resident found again, numbered, timeline, audit), the
 * importer its first responder. A bad row is reported and skipped, the rest go in; an order number
 * already imported (in an earlier batch or file, or earlier in these rows) is reported and never
 * imported twice (also a unique constraint).
 */
export async function importHotlineRows(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  org: { id: string; path: string },
  sheet: HotlineSheet,
  rows: readonly SheetRow[],
): Promise<ImportBatchReport> {
  requirePermission(actor, 'case.manage', org.path);
  const { cell } = sheet;
  const orderNumbers = rows.map((r) => cell(r.cells, 'orderNumber')).filter(Boolean);
  const known = new Set<string>();
  for (let i = 0; i < orderNumbers.length; i += 1000) {
    const chunk = orderNumbers.slice(i, i + 1000);
    const found = await tx
      .select({ ref: schema.legalCase.externalRef })
      .from(schema.legalCase)
      .where(
        and(eq(schema.legalCase.channel, 'hotline-12345'), inArray(schema.legalCase.externalRef, chunk)),
      );
    for (const f of found) if (f.ref) known.add(f.ref);
  }

  const report: ImportBatchReport = {
    imported: 0,
    alreadyImported: [],
    errors: [],
    caseNumbers: [],
  };
  for (const { cells: r, rowNumber } of rows) {
    const orderNumber = cell(r, 'orderNumber');
    const fail = (field: string, key: string) =>
      report.errors.push({ row: rowNumber, orderNumber: orderNumber || null, field, key });
    if (!orderNumber) {
      fail('orderNumber', 'validation.required');
      continue;
    }
    if (known.has(orderNumber)) {
      report.alreadyImported.push({ row: rowNumber, orderNumber });
      continue;
    }
    const receivedAt = parseLocalTime(cell(r, 'receivedAt'));
    if (!receivedAt) {
      fail('receivedAt', 'validation.date_invalid');
      continue;
    }
    const phone = ZPhone.safeParse(cell(r, 'phone'));
    if (!phone.success) {
      fail('phone', 'personal_data.phone_invalid');
      continue;
    }
    const name = cell(r, 'name');
    const description = cell(r, 'description');
    if (!name || !description) {
      fail(name ? 'description' : 'name', 'validation.required');
      continue;
    }
    const category = cell(r, 'category');
    const request = ZIntakeRequest.safeParse({
      channel: 'hotline-12345',
      externalRef: orderNumber,
      organisationId: org.id,
      receivedAt,
      resident: { name, phone: phone.data, contactPreference: 'phone' },
      description: category ? `【${category}】${description}` : description,
      urgency: URGENCY.get(cell(r, 'urgency')) ?? 'normal',
    });
    if (!request.success) {
      const issue = request.error.issues[0];
      fail(issue?.path.at(-1)?.toString() ?? 'row', issue?.message ?? 'validation.failed');
      continue;
    }
    // Validated in full above, so intake does not fail on the row's data. No savepoint per row
    // (subtransactions by the hundred slow every later statement): an unexpected failure rolls
    // the batch back, and its retry starts again from the batch's first row.
    const created = await intakeCase(tx, actor, box, request.data);
    known.add(orderNumber);
    report.imported += 1;
    report.caseNumbers.push(created.number);
  }
  return report;
}
