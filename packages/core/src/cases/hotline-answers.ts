import { scopesFor } from '@linju/auth';
import { type SQL, sql, type TenantTx } from '@linju/db';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { type Actor, auditActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { loadCalendar } from '../calendar/national-calendar.ts';
import { DomainError } from '../errors.ts';
import { writeCsv } from '../tabular-import/csv.ts';
import { caseSettings, dueOnOf } from './case-clock.ts';
import { HOTLINE_COLUMNS, MAX_IMPORT_ROWS } from './hotline-import.ts';

const ZDay = z.iso.date({ message: 'validation.date_invalid' });

export const ZHotlineAnswersRequest = z
  .object({
    /** First and last local day (district time zone) on which the result came, inclusive. */
    from: ZDay,
    to: ZDay,
    format: z.enum(['csv', 'xlsx']),
  })
  .refine((r) => r.from <= r.to, { message: 'hotline.period_invalid', path: ['to'] });

/**
 * The answer file's columns. The order columns carry the headers the import reads, so the hotline
 * (and our own import) recognise the orders; the caller's name and phone are masked, the file
 * leaves the system.
 */
export const HOTLINE_ANSWER_HEADER = [
  HOTLINE_COLUMNS.orderNumber[0],
  HOTLINE_COLUMNS.receivedAt[0],
  HOTLINE_COLUMNS.name[0],
  HOTLINE_COLUMNS.phone[0],
  HOTLINE_COLUMNS.description[0],
  '办理状态',
  '办结时间',
  '办理时限',
  '是否按时办结',
  '承办单位',
  '答复内容',
  '答复时间',
] as const;

const STATUS_TEXT: Record<string, string> = {
  resolved: '已办结',
  'feedback-given': '已答复',
  closed: '已归档',
};

type AnswerRow = {
  order_number: string;
  status: string;
  received_at: string;
  description: string;
  resident_name: string;
  phone_masked: string | null;
  answered_at: string;
  answered_on: string;
  told_at: string | null;
  clock_started_on: string;
  limit_working_days: number;
  paused_working_days: number;
  unit_name: string;
  feedback: string | null;
  resolution: string | null;
};

/** 张三 → 张*, 欧阳娜娜 → 欧***: enough for the hotline to match its caller, no more. */
const maskName = (name: string) => {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
};

export type HotlineAnswersFile = { fileName: string; mediaType: string; content: Uint8Array; rows: number };

/**
 * 12345 答复: the imported hotline orders whose case has a result (resolved, resident told, or
 * closed) dated within the period, in the hotline's import format, one row per order, for the
 * units where the actor manages cases (those the orders were imported for). Whether the order was
 * answered in time compares the day of the result with the case's time limit (the import keeps
 * no deadline of the hotline's own; pauses waiting for the resident extend it, as on the case).
 */
export async function exportHotlineAnswers(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZHotlineAnswersRequest>,
): Promise<HotlineAnswersFile> {
  const input = ZHotlineAnswersRequest.parse(request);
  const scopes = scopesFor(actor.grants, 'case.manage');
  if (scopes.length === 0) {
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission: 'case.manage' } });
  }
  const { timeZone } = await caseSettings(tx, actor.tenantId);
  const like = (scope: string) => `${scope.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  const inScope = sql.join(
    scopes.map((s): SQL => sql`ro.path like ${like(s)}`),
    sql` or `,
  );
  const answeredAt = sql`coalesce(c.resolved_at, c.feedback_at, c.closed_at)`;
  const local = (at: SQL) => sql`to_char(${at} at time zone ${timeZone}, 'YYYY-MM-DD HH24:MI:SS')`;
  const rows = await tx.execute<AnswerRow>(sql`
    select c.external_ref as order_number, c.status, c.description,
      ${local(sql`c.received_at`)} as received_at,
      ${local(answeredAt)} as answered_at,
      ((${answeredAt}) at time zone ${timeZone})::date::text as answered_on,
      ${local(sql`c.feedback_at`)} as told_at,
      c.clock_started_on::text as clock_started_on, c.limit_working_days, c.paused_working_days,
      r.name as resident_name, r.phone_masked, o.name_zh as unit_name,
      fb.summary as feedback, res.text as resolution
    from "case" c
    join organisation ro on ro.id = c.received_at_organisation_id
    join organisation o on o.id = c.current_organisation_id
    join resident r on r.id = c.resident_id
    left join lateral (
      select f.summary from resident_feedback f where f.case_id = c.id
      order by f.told_at desc limit 1
    ) fb on true
    left join lateral (
      select e.text from case_event e
      where e.case_id = c.id and e.kind = 'status' and e.data->>'to' = 'resolved'
      order by e.seq desc limit 1
    ) res on true
    where c.channel = 'hotline-12345' and c.external_ref is not null
      and c.status in ('resolved', 'feedback-given', 'closed')
      and ((${answeredAt}) at time zone ${timeZone})::date between ${input.from}::date and ${input.to}::date
      and (${inScope})
    order by ${answeredAt}, c.external_ref
    limit ${MAX_IMPORT_ROWS + 1}
  `);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new DomainError('bad-request', 'hotline.answers_too_many', {
      field: 'to',
      params: { max: MAX_IMPORT_ROWS },
    });
  }
  const earliest = rows.reduce<string | null>(
    (min, r) => (min === null || r.clock_started_on < min ? r.clock_started_on : min),
    null,
  );
  const calendar = earliest ? await loadCalendar(tx, earliest) : null;
  const table = rows.map((r) => {
    const deadline = calendar
      ? dueOnOf(
          {
            clockStartedOn: r.clock_started_on,
            limitWorkingDays: r.limit_working_days,
            pausedWorkingDays: r.paused_working_days,
            pausedSince: null,
          },
          calendar,
        )
      : null;
    return [
      r.order_number,
      r.received_at,
      maskName(r.resident_name),
      r.phone_masked ?? '',
      r.description,
      STATUS_TEXT[r.status] ?? r.status,
      r.answered_at,
      deadline ?? '',
      deadline && r.answered_on <= deadline ? '是' : '否',
      r.unit_name,
      r.feedback ?? r.resolution ?? '',
      r.told_at ?? '',
    ];
  });
  const content = input.format === 'csv' ? csvBytes(table) : await xlsxBytes(table);
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'case.hotline_answers_exported',
    objectType: 'tenant',
    objectId: actor.tenantId,
    after: { from: input.from, to: input.to, format: input.format, rows: table.length },
  });
  return {
    fileName: `12345工单答复-${input.from}至${input.to}.${input.format}`,
    mediaType:
      input.format === 'csv'
        ? 'text/csv; charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content,
    rows: table.length,
  };
}

const csvBytes = (table: string[][]) =>
  new TextEncoder().encode(writeCsv([[...HOTLINE_ANSWER_HEADER], ...table]));

/** Every cell as text, so order numbers and times read back exactly as written. */
async function xlsxBytes(table: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('12345答复');
  sheet.addRow([...HOTLINE_ANSWER_HEADER]);
  sheet.getRow(1).font = { bold: true };
  for (const r of table) sheet.addRow(r);
  sheet.columns.forEach((col, i) => {
    col.width = i === 4 || i === 10 ? 48 : 20;
    col.numFmt = '@';
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
