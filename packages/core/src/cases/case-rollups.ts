import { eq, schema, type TenantTx } from '@linju/db';
import { JOINT_CONSULTATION_EVENT } from '@linju/vocabulary';
import { localDate } from '../calendar/working-days.ts';
import { tenantTimeZone } from '../tenants/tenant-queries.ts';
import type { CaseRow } from './case-access.ts';
import { calendarFor, dueOnOf } from './case-clock.ts';
import {
  keyString,
  MEASURES,
  type Measures,
  type RollupKey,
  rollupDelta,
  sameTally,
  type Tally,
  tallyOf,
} from './case-tally.ts';

type RollupRows = Map<string, { key: RollupKey; m: Measures }>;
const batches = new WeakMap<TenantTx, RollupRows>();

function mergeInto(batch: RollupRows, row: { key: RollupKey; m: Measures }) {
  const id = keyString(row.key);
  const sum = batch.get(id);
  if (!sum) batch.set(id, { key: row.key, m: { ...row.m } });
  else for (const name of MEASURES) sum.m[name] += row.m[name];
}

/**
 * For bulk work in one transaction (an import of thousands of rows): until `flushRollupBatch`,
 * roll-up changes are summed in memory and written once, a few rows instead of thousands to
 * append and fold (updating the same rows thousands of times in one transaction made a 2,000-row
 * import 55% slower). Tallies are still written per case.
 */
export function startRollupBatch(tx: TenantTx) {
  batches.set(tx, new Map());
}

export async function flushRollupBatch(tx: TenantTx, tenantId: string) {
  const batch = batches.get(tx);
  batches.delete(tx);
  if (!batch) return;
  const rows = [...batch.entries()]
    .filter(([, r]) => MEASURES.some((name) => r.m[name] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
  await addToRollups(tx, tenantId, rows);
}

/** Timeline entries that never change what a case counts for: no roll-up work for them. */
const NEUTRAL_KINDS: ReadonlySet<schema.CaseEventKind> = new Set([
  'note',
  'document',
  'party',
  'linked',
  JOINT_CONSULTATION_EVENT,
  'assigned',
  'clock',
]);

/** Whether a resolved case met its time limit: resolved on or before the due date its clock gives. */
async function resolvedOnTime(tx: TenantTx, row: CaseRow, timeZone: string) {
  if (!row.resolvedAt) return null;
  const due = dueOnOf({ ...row, pausedSince: null }, await calendarFor(tx, row));
  return due !== null && localDate(row.resolvedAt, timeZone) <= due;
}

/** Reads a case's stored tally back into the shape `tallyOf` makes. */
const storedTally = (t: typeof schema.caseTally.$inferSelect): Tally => ({
  receivedOrganisationId: t.receivedOrganisationId,
  outcomeOrganisationId: t.outcomeOrganisationId,
  serviceType: t.serviceType,
  channel: t.channel,
  category: t.category,
  keyGroups: t.keyGroups,
  receivedMonth: t.receivedMonth,
  resolvedMonth: t.resolvedMonth,
  resolutionSeconds: t.resolutionSeconds,
  onTime: t.onTime,
  closedMonth: t.closedMonth,
  endedMonth: t.endedMonth,
  feedbackMonth: t.feedbackMonth,
  ratedMonth: t.ratedMonth,
  score: t.score,
});

/** What a case's tally needs beyond its row: its rating and its resident's key groups. */
async function tallyInputs(tx: TenantTx, row: CaseRow) {
  const [[rating], [resident]] = await Promise.all([
    tx
      .select({ score: schema.satisfaction.score, recordedAt: schema.satisfaction.recordedAt })
      .from(schema.satisfaction)
      .where(eq(schema.satisfaction.caseId, row.id)),
    tx
      .select({ keyGroups: schema.resident.keyGroups })
      .from(schema.resident)
      .where(eq(schema.resident.id, row.residentId)),
  ]);
  return { rating: rating ?? null, keyGroups: resident?.keyGroups ?? [] };
}

/** The current tally of a case, from its row, its rating, its resident and (when resolved) its clock. */
export async function currentTally(
  tx: TenantTx,
  row: CaseRow,
  before: Tally | null,
  timeZone: string,
  inputs?: Awaited<ReturnType<typeof tallyInputs>>,
): Promise<Tally> {
  const { rating, keyGroups } = inputs ?? (await tallyInputs(tx, row));
  const draft = tallyOf(row, { timeZone, keyGroups, rating, onTime: null });
  // The calendar is read once, when the case is resolved; later changes reuse the answer.
  const onTime =
    draft.resolutionSeconds === null
      ? null
      : before && before.resolutionSeconds === draft.resolutionSeconds && before.onTime !== null
        ? before.onTime
        : await resolvedOnTime(tx, row, timeZone);
  return { ...draft, onTime };
}

/**
 * Keeps the statistics roll-ups right after a change of a case, in the change's transaction:
 * compares what the case counts for now with what it counted for before (its `case_tally` row)
 * and adds the difference to the few roll-up rows concerned. No scan of the cases, ever.
 * Called by `recordCaseEvent`, so every case mutation passes through it.
 */
export async function applyCaseChangeToRollups(tx: TenantTx, row: CaseRow, kind: schema.CaseEventKind) {
  if (NEUTRAL_KINDS.has(kind)) return;
  // One pipelined round of reads: the stored tally, the time zone, the rating, the key groups.
  const [[stored], timeZone, inputs] = await Promise.all([
    tx.select().from(schema.caseTally).where(eq(schema.caseTally.caseId, row.id)),
    tenantTimeZone(tx, row.tenantId),
    tallyInputs(tx, row),
  ]);
  const before = stored ? storedTally(stored) : null;
  const after = await currentTally(tx, row, before, timeZone, inputs);
  if (before && sameTally(before, after)) return;
  const delta = rollupDelta(before, after);
  const batch = batches.get(tx);
  if (batch) for (const r of delta) mergeInto(batch, r);
  else await addToRollups(tx, row.tenantId, delta);
  await tx
    .insert(schema.caseTally)
    .values({ tenantId: row.tenantId, caseId: row.id, ...after })
    .onConflictDoUpdate({ target: [schema.caseTally.tenantId, schema.caseTally.caseId], set: after });
}

/**
 * A new case's roll-ups and tally, without reading anything: it has no tally, rating or clock yet,
 * and its intake knows its resident's key groups and the district's time zone. What
 * `applyCaseChangeToRollups` does for its `created` entry; the two writes go out together.
 */
export async function addNewCaseToRollups(
  tx: TenantTx,
  row: CaseRow,
  known: { timeZone: string; keyGroups: readonly string[] },
) {
  const tally = tallyOf(row, { ...known, rating: null, onTime: null });
  await Promise.all([
    addToRollups(tx, row.tenantId, rollupDelta(null, tally)),
    tx.insert(schema.caseTally).values({ tenantId: row.tenantId, caseId: row.id, ...tally }),
  ]);
}

/**
 * Adds measures to the roll-ups, one statement for all: appended to `case_rollup_pending`, which
 * the worker folds into `case_rollup` (`foldCaseRollups`) and readers add in meanwhile. No row is
 * updated here, so concurrent changes of a district never wait on each other's roll-ups.
 */
export async function addToRollups(tx: TenantTx, tenantId: string, rows: ReturnType<typeof rollupDelta>) {
  if (rows.length === 0) return;
  await tx.insert(schema.caseRollupPending).values(rows.map(({ key, m }) => ({ tenantId, ...key, ...m })));
}
