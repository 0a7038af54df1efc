import type { SecretBox } from '@linju/auth';
import { scopesFor } from '@linju/auth';
import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  or,
  type SQL,
  schema,
  sql,
  type TenantTx,
} from '@linju/db';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { ZIdNumber, ZPhone } from '../personal-data/personal-data.ts';
import { caseSettings, todayIn } from './case-clock.ts';
import { caseSummary } from './case-service.ts';
import { OPEN_STATUSES } from './case-status.ts';
import { loadCalendar } from './national-calendar.ts';
import { addWorkingDays } from './working-days.ts';

export const CASE_QUEUES = [
  /** Assigned to me and still open. */
  'mine',
  /** I received them: mine to answer for until the resident has heard the result. */
  'first-responder',
  /** Resolved, the resident not yet told. */
  'awaiting-feedback',
  /** Open cases of the units I cover (a station head's station). */
  'unit',
  'due-soon',
  'overdue',
] as const;

export const ZCaseQuery = z.object({
  queue: z.enum(CASE_QUEUES).optional(),
  number: z.string().trim().max(40).optional(),
  phone: ZPhone.optional(),
  idNumber: ZIdNumber.optional(),
  /** Words of the description: a substring match (trigram-indexed), Chinese included. */
  text: z.string().trim().min(1).max(100).optional(),
  status: z.array(z.enum(schema.CASE_STATUSES)).max(8).optional(),
  serviceType: z.string().max(40).optional(),
  receivedFrom: z.coerce.date().optional(),
  receivedTo: z.coerce.date().optional(),
  organisationId: z.uuid().optional(),
  /** Newest received first (the default), or soonest due first (the due-soon and overdue queues always are). */
  sort: z.enum(['received', 'due']).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type CaseQuery = z.input<typeof ZCaseQuery>;

type Cursor = { k: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    return typeof c.k === 'string' && z.uuid().safeParse(c.id).success ? c : null;
  } catch {
    return null;
  }
}

const c = schema.legalCase;
const ESCAPE = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);

/**
 * Cases the actor may see, filtered by queue and search, a page at a time. Visibility: the cases
 * held by units in the subtrees where the actor has `case.read`, plus those they are first
 * responder or assignee of (a case transferred away stays in its first responder's view).
 */
export async function findCases(tx: TenantTx, actor: Actor, box: SecretBox, query: CaseQuery) {
  const q = ZCaseQuery.parse(query);
  const me = actor.id;
  const scopes = scopesFor(actor.grants, 'case.read');
  const visible = or(
    ...scopes.map((scope) => like(schema.organisation.path, `${ESCAPE(scope)}%`)),
    ...(me ? [eq(c.firstResponderId, me), eq(c.assigneeId, me)] : []),
  );
  if (!visible) return { cases: [], nextCursor: null };

  const filters: (SQL | undefined)[] = [visible];
  const open = inArray(c.status, [...OPEN_STATUSES]);
  const dueQueue = q.queue === 'due-soon' || q.queue === 'overdue';
  // Ordered by due date: the queues of the clock, or on request (then only matters with a time limit).
  const byDue = q.sort === 'due' || dueQueue;
  if (byDue) filters.push(isNotNull(c.dueOn));
  if (q.queue === 'mine') filters.push(me ? eq(c.assigneeId, me) : sql`false`, open);
  if (q.queue === 'first-responder') {
    filters.push(
      me ? eq(c.firstResponderId, me) : sql`false`,
      inArray(c.status, [...OPEN_STATUSES, 'resolved']),
    );
  }
  if (q.queue === 'awaiting-feedback') filters.push(eq(c.status, 'resolved'));
  if (q.queue === 'unit') filters.push(open);
  if (dueQueue) {
    const settings = await caseSettings(tx, actor.tenantId);
    const today = todayIn(settings);
    filters.push(open, isNull(c.pausedSince));
    if (q.queue === 'overdue') filters.push(lt(c.dueOn, today));
    else {
      const horizon = addWorkingDays(today, settings.dueSoonWorkingDays, await loadCalendar(tx, today));
      filters.push(gte(c.dueOn, today), lte(c.dueOn, horizon));
    }
  }
  if (q.number) filters.push(eq(c.number, q.number.toUpperCase()));
  if (q.phone || q.idNumber) {
    const residents = tx
      .select({ id: schema.resident.id })
      .from(schema.resident)
      .where(
        q.idNumber
          ? eq(schema.resident.idNumberIndex, box.blindIndex(q.idNumber))
          : eq(schema.resident.phoneIndex, box.blindIndex(q.phone ?? '')),
      );
    filters.push(inArray(c.residentId, residents));
  }
  if (q.text) filters.push(ilike(c.description, `%${ESCAPE(q.text)}%`));
  if (q.status?.length) filters.push(inArray(c.status, q.status));
  if (q.serviceType) filters.push(eq(c.serviceType, q.serviceType));
  if (q.receivedFrom) filters.push(gte(c.receivedAt, q.receivedFrom));
  if (q.receivedTo) filters.push(lte(c.receivedAt, q.receivedTo));
  if (q.organisationId) filters.push(eq(c.currentOrganisationId, q.organisationId));
  const cursor = decodeCursor(q.cursor);
  if (cursor) {
    filters.push(
      byDue
        ? or(gt(c.dueOn, cursor.k), and(eq(c.dueOn, cursor.k), gt(c.id, cursor.id)))
        : or(
            lt(c.receivedAt, new Date(cursor.k)),
            and(eq(c.receivedAt, new Date(cursor.k)), lt(c.id, cursor.id)),
          ),
    );
  }
  const rows = await tx
    .select({ case: c, residentName: schema.resident.name })
    .from(c)
    .innerJoin(schema.organisation, eq(schema.organisation.id, c.currentOrganisationId))
    .innerJoin(schema.resident, eq(schema.resident.id, c.residentId))
    .where(and(...filters))
    .orderBy(...(byDue ? [asc(c.dueOn), asc(c.id)] : [desc(c.receivedAt), desc(c.id)]))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1)?.case;
  const nextCursor =
    rows.length > q.limit && last
      ? encodeCursor({ k: byDue ? (last.dueOn ?? '') : last.receivedAt.toISOString(), id: last.id })
      : null;
  return {
    cases: page.map((r) => ({ ...caseSummary(r.case), residentName: r.residentName })),
    nextCursor,
  };
}
