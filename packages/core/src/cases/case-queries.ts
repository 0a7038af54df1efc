import type { SecretBox } from '@linju/auth';
import { scopesFor } from '@linju/auth';
import {
  and,
  asc,
  desc,
  eq,
  getTableColumns,
  gte,
  inArray,
  isNotNull,
  isNull,
  like,
  lt,
  lte,
  ne,
  or,
  type SQL,
  schema,
  sql,
  type TenantTx,
} from '@linju/db';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { loadCalendar } from '../calendar/national-calendar.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { ZIdNumber, ZPhone } from '../personal-data/personal-data.ts';
import { caseSettings, todayIn } from './case-clock.ts';
import { escapeLike, newestMatches, termMatchers, textMatcher } from './case-search.ts';
import { caseSummary } from './case-service.ts';
import { OPEN_STATUSES } from './case-status.ts';

export const CASE_QUEUES = [
  /** Assigned to me and still open. */
  'mine',
  /** I received them: mine to answer for until the resident has heard the result. */
  'first-responder',
  /** Resolved, the resident not yet told. */
  'awaiting-feedback',
  /** I received them today (the desk's own intake of the day). */
  'taken-today',
  /** Open cases of the units I cover (a station head's station). */
  'unit',
  /** 待分派: open, nobody assigned, at units where I assign (a station head's, a desk's). */
  'unassigned',
  /** 新转入: of those, the ones transferred in from another unit. */
  'transferred-in',
  'due-soon',
  'overdue',
] as const;
export type CaseQueue = (typeof CASE_QUEUES)[number];

export const ZCaseQuery = z
  .object({
    queue: z.enum(CASE_QUEUES).optional(),
    number: z.string().trim().max(40).optional(),
    phone: ZPhone.optional(),
    idNumber: ZIdNumber.optional(),
    /** Words of the description: a substring match (trigram-indexed), Chinese included. */
    text: z.string().trim().min(1).max(100).optional(),
    /**
     * The desk's one search box: part of the resident's name (2+ characters), the last digits of
     * their phone (4+), part of the case number, or words of the description — any of them.
     */
    term: z.string().trim().min(1).max(100).optional(),
    status: z.array(z.enum(schema.CASE_STATUSES)).max(8).optional(),
    serviceType: z.string().max(40).optional(),
    receivedFrom: z.coerce.date().optional(),
    receivedTo: z.coerce.date().optional(),
    organisationId: z.uuid().optional(),
    /** Newest received first (the default), or soonest due first (the due-soon and overdue queues always are). */
    sort: z.enum(['received', 'due']).optional(),
    cursor: z.string().max(200).optional(),
    /**
     * A numbered page (1 = the first) of `limit` rows, instead of a cursor: the ledger's page
     * numbers. Only within the first CASE_PAGE_REACH matches, the reach of the count.
     */
    page: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.page || q.page * q.limit <= CASE_PAGE_REACH, {
    message: 'case.page_out_of_reach',
    path: ['page'],
  });
export type CaseQuery = z.input<typeof ZCaseQuery>;

/**
 * How far numbered pages and the count reach: an exact count up to here, "1000 or more" past it
 * (a count costs reading that many index entries, never a centre's whole backlog; a page past it
 * would read as many rows to skip them). Past it the ledger asks for a narrower filter.
 */
export const CASE_PAGE_REACH = 1000;

type Cursor = { k: string; id: string };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const c = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Cursor;
    const valid =
      typeof c.k === 'string' && !Number.isNaN(Date.parse(c.k)) && z.uuid().safeParse(c.id).success;
    return valid ? c : null;
  } catch {
    return null;
  }
}

const c = schema.legalCase;
/** A list's columns: the case without its search words, which no list shows. */
const { searchTerms: _words, ...listed } = getTableColumns(c);

/**
 * `status in (…)` with the statuses written out, not bound: a prepared statement's generic plan
 * can then still prove the partial indexes of open cases (their predicate names the same list).
 */
const statusIn = (statuses: readonly string[]) =>
  sql`${c.status} in (${sql.raw(statuses.map((s) => `'${s.replace(/'/g, "''")}'`).join(', '))})`;

/** Past this many matches, a search with other conditions reads the cases themselves. */
const MATCHES_BY_ID = 1000;

/** The conditions of a queue (or none) for the actor, with the order it reads in. */
type QueueConditions = { filters: (SQL | undefined)[]; byDue: boolean };

/** The unit subtrees where the actor holds `permission`, as a condition on the holding unit. */
function heldByUnitsUnder(tx: TenantTx, actor: Actor, permission: 'case.read' | 'case.manage') {
  // Written as "not held by a unit outside the actor's subtrees" (read in the same statement):
  // the same cases, since every case is held by one of the district's units, but a condition the
  // planner neither drives from (the units' cases: all of a district's, for its centre) nor takes
  // for a narrow one, so each queue reads its own index in order and stops after a page.
  const o = schema.organisation;
  const inScope = or(
    ...scopesFor(actor.grants, permission).map((scope) => like(o.path, `${escapeLike(scope)}%`)),
  );
  if (!inScope) return undefined;
  const outside = tx.select({ id: o.id }).from(o).where(sql`not (${inScope})`);
  return sql`${c.currentOrganisationId} <> all(array(${outside}))`;
}

/**
 * What every list of cases starts from: the cases the actor may see — those held by units in the
 * subtrees where the actor has `case.read`, plus those they are first responder or assignee of
 * (a case transferred away stays in its first responder's view) — narrowed to the queue asked
 * for. None when the actor may see no case at all. Shared by the lists and their counts.
 */
export async function queueConditions(
  tx: TenantTx,
  actor: Actor,
  q: { queue?: CaseQueue | undefined; sort?: 'received' | 'due' | undefined },
): Promise<QueueConditions | null> {
  const me = actor.id;
  const units = heldByUnitsUnder(tx, actor, 'case.read');
  const visible = or(
    ...(units ? [units] : []),
    ...(me ? [eq(c.firstResponderId, me), eq(c.assigneeId, me)] : []),
  );
  if (!visible) return null;

  const filters: (SQL | undefined)[] = [visible];
  const open = statusIn(OPEN_STATUSES);
  const dueQueue = q.queue === 'due-soon' || q.queue === 'overdue';
  // Ordered by due date: the queues of the clock, or on request (then only matters with a time limit).
  const byDue = q.sort === 'due' || dueQueue;
  if (byDue) filters.push(isNotNull(c.dueOn));
  if (q.queue === 'mine') filters.push(me ? eq(c.assigneeId, me) : sql`false`, open);
  if (q.queue === 'first-responder') {
    filters.push(me ? eq(c.firstResponderId, me) : sql`false`, statusIn([...OPEN_STATUSES, 'resolved']));
  }
  if (q.queue === 'taken-today') {
    const { timeZone } = await caseSettings(tx, actor.tenantId);
    const today = todayIn({ timeZone });
    // The local midnight as an instant, so the receipt index gives the range.
    filters.push(
      me ? eq(c.firstResponderId, me) : sql`false`,
      sql`${c.receivedAt} >= (${today}::date::timestamp at time zone ${timeZone})`,
    );
  }
  if (q.queue === 'awaiting-feedback') filters.push(eq(c.status, 'resolved'));
  if (q.queue === 'unit') filters.push(open);
  if (q.queue === 'unassigned' || q.queue === 'transferred-in') {
    // Waiting for someone who may assign them: at units where the actor manages cases.
    filters.push(open, isNull(c.assigneeId), heldByUnitsUnder(tx, actor, 'case.manage') ?? sql`false`);
    if (q.queue === 'transferred-in') filters.push(ne(c.currentOrganisationId, c.receivedAtOrganisationId));
  }
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
  return { filters, byDue };
}

/**
 * A search's conditions: the queue's (`queueConditions`) and the filters', with the ways its term
 * finds cases. Null when the actor may see no case.
 */
async function searchConditions(tx: TenantTx, actor: Actor, box: SecretBox, q: z.output<typeof ZCaseQuery>) {
  const base = await queueConditions(tx, actor, q);
  if (!base) return null;
  const { filters, byDue } = base;
  if (q.number) filters.push(eq(c.number, q.number.toUpperCase()));
  if (q.phone || q.idNumber) {
    const residents = tx
      .select({ id: schema.resident.id })
      .from(schema.resident)
      .where(
        q.idNumber
          ? inArray(schema.resident.idNumberIndex, box.blindIndexes(q.idNumber, actor.tenantId))
          : inArray(schema.resident.phoneIndex, box.blindIndexes(q.phone ?? '', actor.tenantId)),
      );
    filters.push(inArray(c.residentId, residents));
  }
  // The term's ways of matching find the cases; description words beside a term are a condition.
  const matchers = q.term
    ? await termMatchers(tx, box, actor.tenantId, q.term)
    : q.text
      ? [textMatcher(tx, q.text)]
      : [];
  if (q.term && q.text) filters.push(textMatcher(tx, q.text).condition);
  if (q.status?.length) filters.push(inArray(c.status, q.status));
  if (q.serviceType) filters.push(eq(c.serviceType, q.serviceType));
  if (q.receivedFrom) filters.push(gte(c.receivedAt, q.receivedFrom));
  if (q.receivedTo) filters.push(lte(c.receivedAt, q.receivedTo));
  if (q.organisationId) filters.push(eq(c.currentOrganisationId, q.organisationId));
  return { filters, byDue, matchers };
}

/**
 * How many cases a search finds (`findCases`'s conditions, cursor and page aside), counted up to
 * CASE_PAGE_REACH: `capped` says there are at least that many.
 */
export async function countCases(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  query: CaseQuery,
  reach = CASE_PAGE_REACH,
) {
  const q = ZCaseQuery.parse(query);
  const search = await searchConditions(tx, actor, box, q);
  if (!search) return { count: 0, capped: false };
  const { filters, matchers } = search;
  const found = tx
    .select({ one: sql`1`.as('one') })
    .from(c)
    .where(and(...filters, matchers.length ? or(...matchers.map((m) => m.condition)) : undefined))
    .limit(reach)
    .as('found');
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(found);
  const count = row?.n ?? 0;
  return { count, capped: count >= reach };
}

/**
 * Cases the actor may see (`queueConditions`), filtered by queue and search, a page at a time:
 * after a cursor, or a numbered page (the rows before it read and skipped, within CASE_PAGE_REACH).
 */
export async function findCases(tx: TenantTx, actor: Actor, box: SecretBox, query: CaseQuery) {
  const q = ZCaseQuery.parse(query);
  const search = await searchConditions(tx, actor, box, q);
  if (!search) return { cases: [], nextCursor: null };
  const { filters, byDue, matchers } = search;
  const cursor = decodeCursor(q.cursor);
  const skip = q.page && !cursor ? (q.page - 1) * q.limit : 0;
  const reach = skip + q.limit;
  if (cursor) {
    // A row comparison, which the queue's index takes as where to start (an OR of two would not).
    filters.push(
      byDue
        ? sql`(${c.dueOn}, ${c.id}) > (${cursor.k}::date, ${cursor.id}::uuid)`
        : sql`(${c.receivedAt}, ${c.id}) < (${new Date(cursor.k).toISOString()}::timestamptz, ${cursor.id}::uuid)`,
    );
  }
  const select = (where: (SQL | undefined)[]) =>
    tx
      .select({
        case: listed,
        // A subquery, not a join: PostgreSQL evaluates it for the page's rows only, after the limit.
        residentName: sql<string>`(select ${schema.resident.name} from ${schema.resident}
          where ${schema.resident.id} = ${c.residentId})`,
      })
      .from(c)
      .where(and(...where))
      .orderBy(...(byDue ? [asc(c.dueOn), asc(c.id)] : [desc(c.receivedAt), desc(c.id)]))
      .limit(reach + 1);
  let rows: Awaited<ReturnType<typeof select>> | undefined;
  if (matchers.length) {
    // The matches by their indexes, then the page among them. In the page's order the newest
    // page-full of each are tried first (enough unless other conditions drop some), then up to
    // MATCHES_BY_ID; past that (a common word with narrow conditions) the cases are read.
    const inOrder = !byDue && cursor ? { at: new Date(cursor.k).toISOString(), id: cursor.id } : null;
    for (const max of byDue ? [MATCHES_BY_ID] : [reach + 1, MATCHES_BY_ID]) {
      const { ids, completeFrom } = await newestMatches(matchers, max, inOrder);
      if (!ids.length) return { cases: [], nextCursor: null };
      // In due order every match must have been looked up; in received order those from where
      // all were (any other is older) suffice once they hold more than a page.
      if (byDue && completeFrom) break;
      const found = await select([
        ...filters,
        inArray(c.id, ids),
        completeFrom
          ? sql`(${c.receivedAt}, ${c.id}) >= (${completeFrom.at}::timestamptz, ${completeFrom.id}::uuid)`
          : undefined,
      ]);
      if (!completeFrom || found.length > reach) {
        rows = found;
        break;
      }
    }
    rows ??= await select([...filters, or(...matchers.map((m) => m.condition))]);
  }
  rows ??= await select(filters);
  const page = rows.slice(skip, reach);
  const last = page.at(-1)?.case;
  const nextCursor =
    rows.length > reach && last
      ? encodeCursor({ k: byDue ? (last.dueOn ?? '') : last.receivedAt.toISOString(), id: last.id })
      : null;
  return {
    cases: page.map((r) => ({ ...caseSummary(r.case), residentName: r.residentName })),
    nextCursor,
  };
}
