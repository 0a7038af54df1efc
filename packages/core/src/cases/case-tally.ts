import { schema } from '@linju/db';
import { localDate } from '../calendar/working-days.ts';

/** The measures every roll-up row carries, all additive (rates and averages are derived on reading). */
export const MEASURES = [
  'received',
  'resolved',
  'resolvedOnTime',
  'resolutionSeconds',
  'closed',
  'ended',
  'feedback',
  'rated',
  'scoreSum',
  'satisfied',
] as const;
export type Measure = (typeof MEASURES)[number];
export type Measures = Record<Measure, number>;

export const zeroMeasures = (): Measures => ({
  received: 0,
  resolved: 0,
  resolvedOnTime: 0,
  resolutionSeconds: 0,
  closed: 0,
  ended: 0,
  feedback: 0,
  rated: 0,
  scoreSum: 0,
  satisfied: 0,
});

/** A rating of 4 or 5 counts as satisfied (满意), the usual reading of a five-point scale. */
export const SATISFIED_FROM = 4;

/** What one case counts for: the row of `case_tally` without its keys. */
export type Tally = {
  receivedOrganisationId: string;
  outcomeOrganisationId: string;
  serviceType: string;
  channel: string;
  category: string;
  keyGroups: string[];
  receivedMonth: string;
  resolvedMonth: string | null;
  resolutionSeconds: number | null;
  onTime: boolean | null;
  closedMonth: string | null;
  endedMonth: string | null;
  feedbackMonth: string | null;
  ratedMonth: string | null;
  score: number | null;
};

/** The first day of the month of an instant in the tenant's time zone, e.g. `2026-03-01`. */
export const monthOf = (at: Date, timeZone: string) => `${localDate(at, timeZone).slice(0, 8)}01`;

type CaseFacts = Pick<
  typeof schema.legalCase.$inferSelect,
  | 'receivedAtOrganisationId'
  | 'currentOrganisationId'
  | 'serviceType'
  | 'channel'
  | 'category'
  | 'status'
  | 'receivedAt'
  | 'resolvedAt'
  | 'feedbackAt'
  | 'closedAt'
>;

/**
 * A case's tally from its current state. `onTime` is asked for only when the case is resolved
 * (it needs the working calendar); the rating and the resident's key groups live outside the row.
 */
export function tallyOf(
  row: CaseFacts,
  extra: {
    timeZone: string;
    keyGroups: readonly string[];
    rating: { score: number; recordedAt: Date } | null;
    onTime: boolean | null;
  },
): Tally {
  const month = (at: Date | null) => (at ? monthOf(at, extra.timeZone) : null);
  const resolved = row.resolvedAt !== null;
  return {
    receivedOrganisationId: row.receivedAtOrganisationId,
    outcomeOrganisationId: row.currentOrganisationId,
    serviceType: row.serviceType,
    channel: row.channel,
    category: row.category ?? '',
    keyGroups: [...new Set(extra.keyGroups)].sort(),
    receivedMonth: monthOf(row.receivedAt, extra.timeZone),
    resolvedMonth: month(row.resolvedAt),
    resolutionSeconds:
      resolved && row.resolvedAt
        ? Math.max(0, Math.round((row.resolvedAt.getTime() - row.receivedAt.getTime()) / 1000))
        : null,
    onTime: resolved ? (extra.onTime ?? false) : null,
    closedMonth: row.status === 'closed' ? month(row.closedAt) : null,
    endedMonth: row.status === 'withdrawn' || row.status === 'rejected' ? month(row.closedAt) : null,
    feedbackMonth: month(row.feedbackAt),
    ratedMonth: extra.rating ? monthOf(extra.rating.recordedAt, extra.timeZone) : null,
    score: extra.rating?.score ?? null,
  };
}

/** One roll-up row's key. */
export type RollupKey = {
  organisationId: string;
  serviceType: string;
  month: string;
  dimension: schema.RollupDimension;
  value: string;
};

export const keyString = (k: RollupKey) =>
  [k.organisationId, k.serviceType, k.month, k.dimension, k.value].join('|');

type Fact = { organisationId: string; month: string; measures: Partial<Measures> };

/** The measures a tally adds, each with the month and the unit it belongs to. */
function factsOf(t: Tally): Fact[] {
  const facts: Fact[] = [
    { organisationId: t.receivedOrganisationId, month: t.receivedMonth, measures: { received: 1 } },
  ];
  const out = t.outcomeOrganisationId;
  if (t.resolvedMonth) {
    facts.push({
      organisationId: out,
      month: t.resolvedMonth,
      measures: {
        resolved: 1,
        resolvedOnTime: t.onTime ? 1 : 0,
        resolutionSeconds: t.resolutionSeconds ?? 0,
      },
    });
  }
  if (t.closedMonth) facts.push({ organisationId: out, month: t.closedMonth, measures: { closed: 1 } });
  if (t.endedMonth) facts.push({ organisationId: out, month: t.endedMonth, measures: { ended: 1 } });
  if (t.feedbackMonth) facts.push({ organisationId: out, month: t.feedbackMonth, measures: { feedback: 1 } });
  if (t.ratedMonth && t.score !== null) {
    facts.push({
      organisationId: out,
      month: t.ratedMonth,
      measures: { rated: 1, scoreSum: t.score, satisfied: t.score >= SATISFIED_FROM ? 1 : 0 },
    });
  }
  return facts;
}

/** The breakdowns a fact is counted in: the whole, its channel, its category and each key group (and, over all services, its service). */
function dimensionsOf(t: Tally): { dimension: schema.RollupDimension; value: string }[] {
  const dims: { dimension: schema.RollupDimension; value: string }[] = [
    { dimension: 'all', value: '' },
    { dimension: 'channel', value: t.channel },
  ];
  if (t.category) dims.push({ dimension: 'category', value: `${t.serviceType}:${t.category}` });
  for (const g of t.keyGroups) dims.push({ dimension: 'key-group', value: g });
  return dims;
}

/** Adds (`sign` 1) or takes away (-1) everything a tally counts for, into `into`. */
export function accumulate(into: Map<string, { key: RollupKey; m: Measures }>, t: Tally, sign: 1 | -1) {
  const dims = dimensionsOf(t);
  for (const fact of factsOf(t)) {
    for (const organisationId of [fact.organisationId, schema.DISTRICT_WIDE]) {
      for (const serviceType of [t.serviceType, schema.ALL_SERVICES]) {
        const breakdowns =
          serviceType === schema.ALL_SERVICES
            ? [...dims, { dimension: 'service' as const, value: t.serviceType }]
            : dims;
        for (const d of breakdowns) {
          const key = { organisationId, serviceType, month: fact.month, ...d };
          const id = keyString(key);
          let entry = into.get(id);
          if (!entry) {
            entry = { key, m: zeroMeasures() };
            into.set(id, entry);
          }
          for (const [name, amount] of Object.entries(fact.measures) as [Measure, number][]) {
            entry.m[name] += sign * amount;
          }
        }
      }
    }
  }
}

/**
 * What to add to the roll-ups when a case's tally goes from `before` (none for a new case) to
 * `after`: only the rows whose figures change, in key order (so concurrent changes lock rows in
 * one order and cannot deadlock).
 */
export function rollupDelta(before: Tally | null, after: Tally) {
  const rows = new Map<string, { key: RollupKey; m: Measures }>();
  if (before) accumulate(rows, before, -1);
  accumulate(rows, after, 1);
  return [...rows.entries()]
    .filter(([, r]) => MEASURES.some((name) => r.m[name] !== 0))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, r]) => r);
}

export const sameTally = (a: Tally, b: Tally) =>
  (Object.keys(a) as (keyof Tally)[]).every((k) =>
    k === 'keyGroups' ? a.keyGroups.join() === b.keyGroups.join() : a[k] === b[k],
  );
