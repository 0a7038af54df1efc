import { and, isNull, like, type SQL, schema, sql, type TenantTx } from '@linju/db';
import { ACTIVITY_MEASURE } from '@linju/vocabulary';
import { z } from 'zod';
import { type Actor, canTenantWide, requirePermission } from '../actor.ts';
import { MEASURES, type Measures, SATISFIED_FROM, zeroMeasures } from '../cases/case-tally.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation, isPartnerKind } from '../organisations/organisation-service.ts';

/** A period as it reads in a URL: `2026-03` (month), `2026-Q1` (quarter) or `2026` (year). */
export const ZPeriodKey = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/, { message: 'statistics.period_invalid' });

export const ZStatisticsRequest = z.object({
  period: ZPeriodKey,
  /** The unit whose subtree is counted; none for the whole district. */
  organisationId: z.uuid().nullish(),
  /** One service only; none for every service. */
  serviceType: z.string().trim().min(1).max(64).nullish(),
});
export type StatisticsRequest = z.input<typeof ZStatisticsRequest>;

export type Period = { key: string; kind: schema.ReportPeriod; from: string; to: string; months: string[] };

const pad = (n: number) => String(n).padStart(2, '0');

/** The months a period key covers: `from` inclusive, `to` exclusive, first days of months. */
export function parsePeriod(key: string): Period {
  const year = Number(key.slice(0, 4));
  const quarter = /-Q([1-4])$/.exec(key);
  const month = /-(\d\d)$/.exec(key);
  const [kind, first, count]: [schema.ReportPeriod, number, number] = quarter
    ? ['quarter', (Number(quarter[1]) - 1) * 3 + 1, 3]
    : month
      ? ['month', Number(month[1]), 1]
      : ['year', 1, 12];
  const months = Array.from({ length: count }, (_, i) => `${year}-${pad(first + i)}-01`);
  const end = first + count;
  const to = end > 12 ? `${year + 1}-01-01` : `${year}-${pad(end)}-01`;
  return { key, kind, from: months[0] as string, to, months };
}

/** The figures a dashboard shows, derived from the additive measures. */
export type Figures = Measures & {
  /** Share of resolved cases resolved within their time limit, 0–1; null when none resolved. */
  onTimeRate: number | null;
  averageResolutionDays: number | null;
  averageScore: number | null;
  /** Share of ratings of 4 or 5. */
  satisfactionRate: number | null;
};

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
export const figuresOf = (m: Measures): Figures => ({
  ...m,
  onTimeRate: ratio(m.resolvedOnTime, m.resolved),
  averageResolutionDays: ratio(m.resolutionSeconds, m.resolved * 86_400),
  averageScore: ratio(m.scoreSum, m.rated),
  satisfactionRate: ratio(m.satisfied, m.rated),
});

type SumRow = Record<string, string | number | null>;
const MEASURE_SUMS = sql.raw(
  MEASURES.map((name) => {
    const column = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return `coalesce(sum(r.${column}), 0)::bigint as "${name}"`;
  }).join(', '),
);
/** Per-unit sums inside a lateral subquery: the aggregate keeps the planner from flattening it into a scan of every unit's rows. */
const UNIT_SUMS = sql.raw(
  MEASURES.map((name) => {
    const column = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    return `sum(x.${column}) as ${column}`;
  }).join(', '),
);
const ROLLUP_COLUMNS = sql.raw(
  `x.month, x.dimension, x.value, ${MEASURES.map((name) => `x.${name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`).join(', ')}`,
);
/**
 * The roll-up rows of `case_rollup` (alias `x`) that `where` selects, and the changes of the same
 * key range the worker has not folded in yet (`case_rollup_pending`): one statement reads both
 * in one snapshot, so a change being folded counts once. Each side is an index range; the
 * `offset 0` keeps the planner from flattening the union into its caller's scan.
 */
export const rollupRows = (where: SQL) => sql`(
  select ${ROLLUP_COLUMNS} from case_rollup x where ${where}
  union all
  select ${ROLLUP_COLUMNS} from case_rollup_pending x where ${where}
  offset 0
)`;
const measuresOf = (row: SumRow): Measures => {
  const m = zeroMeasures();
  for (const name of MEASURES) m[name] = Number(row[name] ?? 0);
  return m;
};
const addInto = (into: Measures, m: Measures) => {
  for (const name of MEASURES) into[name] += m[name];
};

/** Who may see which scope: the whole district needs the right on the centre, a unit its subtree. */
export async function resolveScope(tx: TenantTx, actor: Actor, organisationId: string | null | undefined) {
  if (!organisationId) {
    if (!canTenantWide(actor, 'statistics.read'))
      throw new DomainError('forbidden', 'auth.forbidden', { params: { permission: 'statistics.read' } });
    return { organisation: null, districtWide: true };
  }
  const organisation = await getOrganisation(tx, organisationId).catch(() => {
    throw new DomainError('not-found', 'organisation.not_found', { field: 'organisationId' });
  });
  if (isPartnerKind(organisation.kind))
    throw new DomainError('bad-request', 'statistics.organisation_not_in_tree', { field: 'organisationId' });
  requirePermission(actor, 'statistics.read', organisation.path);
  // A unit whose subtree is the whole tree (the centre) reads the district-wide rows: far fewer.
  const [outside] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.organisation)
    .where(
      and(
        sql`${schema.organisation.path} not like ${`${organisation.path}%`}`,
        sql`${schema.organisation.kind} in ('centre', 'station', 'room', 'service-point')`,
      ),
    );
  return { organisation, districtWide: (outside?.n ?? 0) === 0 };
}

/**
 * 统计: the dashboard's figures for a period, a scope (the district or a unit's subtree) and
 * optionally one service — totals, month by month, by unit one level down, by service, channel,
 * category and key group. Read from the roll-ups only: a handful of index range scans.
 */
export async function getStatistics(tx: TenantTx, actor: Actor, request: StatisticsRequest) {
  const input = ZStatisticsRequest.parse(request);
  const period = parsePeriod(input.period);
  const scope = await resolveScope(tx, actor, input.organisationId);
  const service = input.serviceType ?? schema.ALL_SERVICES;
  const path = scope.organisation?.path ?? '';
  const units = scope.districtWide
    ? sql`(select ${schema.DISTRICT_WIDE}::uuid as id)`
    : sql`(select o.id from organisation o where o.path like ${`${path}%`})`;
  // Per unit, one contiguous index range per breakdown (the key is unit, service, dimension, month).
  const breakdowns = (await tx.execute<SumRow>(sql`
    select r.month::text as month, r.dimension, r.value, ${MEASURE_SUMS}
    from ${units} u
    cross join lateral ${rollupRows(sql`x.organisation_id = u.id and x.service_type = ${service}
        and x.dimension = any(${sql.raw(`array['all','channel','category','key-group','service']`)})
        and x.month >= ${period.from}::date and x.month < ${period.to}::date`)} r
    group by r.month, r.dimension, r.value`)) as unknown as SumRow[];

  const totals = zeroMeasures();
  const byMonth = new Map(period.months.map((m) => [m, zeroMeasures()]));
  const groups = {
    service: new Map<string, Measures>(),
    channel: new Map<string, Measures>(),
    category: new Map<string, Measures>(),
    'key-group': new Map<string, Measures>(),
  };
  const into = (map: Map<string, Measures>, key: string, m: Measures) => {
    const sum = map.get(key) ?? zeroMeasures();
    map.set(key, sum);
    addInto(sum, m);
  };
  for (const row of breakdowns) {
    const m = measuresOf(row);
    if (row.dimension === 'all') {
      addInto(totals, m);
      const month = byMonth.get(String(row.month));
      if (month) addInto(month, m);
    } else into(groups[row.dimension as keyof typeof groups], String(row.value), m);
  }
  // With one service chosen, the service breakdown is that service.
  if (service !== schema.ALL_SERVICES && (totals.received > 0 || totals.resolved > 0 || totals.rated > 0))
    groups.service.set(service, { ...totals });

  const byOrganisation = await byUnit(tx, scope.organisation, service, period);
  // Referrals, consultation minutes and events are not cases of one service: over every service only.
  const activity = service === schema.ALL_SERVICES ? await activityOf(tx, units, period) : null;
  const list = (map: Map<string, Measures>) =>
    [...map.entries()]
      .sort(([, a], [, b]) => b.received - a.received || b.resolved - a.resolved)
      .map(([key, m]) => ({ key, ...figuresOf(m) }));
  return {
    period,
    organisationId: scope.organisation?.id ?? null,
    serviceType: input.serviceType ?? null,
    satisfiedFrom: SATISFIED_FROM,
    totals: figuresOf(totals),
    byMonth: [...byMonth.entries()].map(([month, m]) => ({ month, ...figuresOf(m) })),
    byOrganisation,
    byService: list(groups.service),
    byChannel: list(groups.channel),
    byCategory: list(groups.category),
    byKeyGroup: list(groups['key-group']),
    activity,
  };
}

type ActivityLine = { key: string; count: number; amount: number };

/**
 * 转介周转、咨询（热线）时长、法治宣传场次与人数 of a scope and period, from the activity roll-ups:
 * one index range per unit, like the case figures.
 */
async function activityOf(tx: TenantTx, units: SQL, period: Period) {
  const rows = (await tx.execute<SumRow>(sql`
    select r.measure, r.value, coalesce(sum(r.count), 0)::bigint as count,
      coalesce(sum(r.amount), 0)::bigint as amount
    from ${units} u
    cross join lateral (
      select * from activity_rollup x
      where x.organisation_id = u.id and x.month >= ${period.from}::date and x.month < ${period.to}::date
      offset 0
    ) r
    group by r.measure, r.value`)) as unknown as SumRow[];
  const lines = (measure: schema.ActivityMeasure): ActivityLine[] =>
    rows
      .filter((r) => r.measure === measure)
      .map((r) => ({ key: String(r.value), count: Number(r.count), amount: Number(r.amount) }))
      .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  const sum = (list: ActivityLine[]) =>
    list.reduce((t, l) => ({ key: '', count: t.count + l.count, amount: t.amount + l.amount }), {
      key: '',
      count: 0,
      amount: 0,
    });
  const turnaround = (l: ActivityLine) => ({
    key: l.key,
    completed: l.count,
    averageTurnaroundDays: ratio(l.amount, l.count * 86_400),
  });
  const referrals = lines(ACTIVITY_MEASURE.referralCompleted);
  const consultations = lines(ACTIVITY_MEASURE.consultation);
  const events = lines(ACTIVITY_MEASURE.educationEvent);
  const allConsultations = sum(consultations);
  const allEvents = sum(events);
  return {
    referrals: { ...turnaround(sum(referrals)), byPartnerKind: referrals.map(turnaround) },
    consultations: {
      count: allConsultations.count,
      minutes: allConsultations.amount,
      /** 热线时长: minutes of consultations held on the hotline. */
      hotlineMinutes: consultations.find((l) => l.key === 'hotline')?.amount ?? 0,
      byChannel: consultations.map((l) => ({ key: l.key, count: l.count, minutes: l.amount })),
    },
    education: {
      events: allEvents.count,
      attendance: allEvents.amount,
      byType: events.map((l) => ({ key: l.key, events: l.count, attendance: l.amount })),
    },
  };
}
export type ActivityFigures = Awaited<ReturnType<typeof activityOf>>;
export type Statistics = Awaited<ReturnType<typeof getStatistics>>;

/**
 * Where "one level below the scope" starts: the scope's own path, or for the whole district the
 * path of its one centre (the level below the tree's roots). `own` is the unit whose own cases
 * count as a line of their own.
 */
export async function levelBelow(
  tx: TenantTx,
  scope: typeof schema.organisation.$inferSelect | null,
): Promise<{ parentPath: string; own: { id: string; nameZh: string; nameEn: string } | null }> {
  if (scope) return { parentPath: scope.path, own: scope };
  const roots = await tx
    .select()
    .from(schema.organisation)
    .where(and(isNull(schema.organisation.parentId), sql`${schema.organisation.kind} = 'centre'`));
  return roots.length === 1 && roots[0]
    ? { parentPath: roots[0].path, own: roots[0] }
    : { parentPath: '/', own: null };
}

/**
 * Figures per unit one level below the scope, each with its whole subtree; the scope's own
 * cases count as a line of their own. For the whole district, the level below the tree's roots.
 */
async function byUnit(
  tx: TenantTx,
  scope: typeof schema.organisation.$inferSelect | null,
  service: string,
  period: Period,
) {
  const { parentPath, own } = await levelBelow(tx, scope);
  const rows = (await tx.execute<SumRow>(sql`
    select split_part(substr(o.path, ${parentPath.length + 1}), '/', 1) as unit, ${MEASURE_SUMS}
    from organisation o
    cross join lateral (
      select ${UNIT_SUMS} from ${rollupRows(sql`x.organisation_id = o.id and x.service_type = ${service}
        and x.dimension = 'all' and x.month >= ${period.from}::date and x.month < ${period.to}::date`)} x
    ) r
    where o.path like ${`${parentPath}%`}
    group by 1`)) as unknown as SumRow[];
  const children = await tx
    .select({
      id: schema.organisation.id,
      nameZh: schema.organisation.nameZh,
      nameEn: schema.organisation.nameEn,
    })
    .from(schema.organisation)
    .where(like(schema.organisation.path, `${parentPath}%`));
  const names = new Map(children.map((c) => [c.id, c]));
  return rows
    .map((row) => {
      const id = String(row.unit) || own?.id || '';
      const unit = names.get(id);
      return {
        organisationId: id,
        nameZh: unit?.nameZh ?? id,
        nameEn: unit?.nameEn ?? id,
        own: id === own?.id,
        ...figuresOf(measuresOf(row)),
      };
    })
    .filter((u) => u.organisationId)
    .sort((a, b) => Number(b.own) - Number(a.own) || b.received - a.received);
}

const QUARTERS = ['一', '二', '三', '四'];

/** A period key in Chinese: `2026年3月`, `2026年第一季度`, `2026年度`. */
export function periodInChinese(key: string): string {
  const year = key.slice(0, 4);
  const quarter = /-Q([1-4])$/.exec(key);
  if (quarter) return `${year}年第${QUARTERS[Number(quarter[1]) - 1]}季度`;
  const month = /-(\d\d)$/.exec(key);
  if (month) return `${year}年${Number(month[1])}月`;
  return `${year}年度`;
}
