import { randomUUID } from 'node:crypto';
import { scopesFor } from '@linju/auth';
import { eq, isUniqueViolation, schema, sql, type TenantTx } from '@linju/db';
import { type Actor, auditActor, canTenantWide, requireTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { parsePeriod, rollupRows } from '../statistics/statistics-query.ts';
import { ZQuarter } from './inspection-service.ts';
import {
  DEFAULT_SATISFACTION_GRADING,
  DEFAULT_SCORECARD_WEIGHTS,
  rankStations,
  type SatisfactionGrading,
  type StationQuarter,
  scoreStation,
} from './scorecard-formula.ts';
import {
  type ScorecardSettings,
  type ScorecardSettingsRequest,
  ZScorecardSettingsRequest,
} from './scorecard-settings.ts';

/** The district's weights and grading, or the defaults while it has set none. */
export async function getScorecardSettings(tx: TenantTx): Promise<ScorecardSettings> {
  const [row] = await tx.select().from(schema.scorecardSetting);
  if (!row) return { weights: { ...DEFAULT_SCORECARD_WEIGHTS }, grading: DEFAULT_SATISFACTION_GRADING };
  return {
    weights: { basic: row.basicWeight, outcome: row.outcomeWeight, satisfaction: row.satisfactionWeight },
    grading: {
      A: { from: row.gradeAFrom, points: row.gradeAPoints },
      B: { from: row.gradeBFrom, points: row.gradeBPoints },
      C: { from: row.gradeCFrom, points: row.gradeCPoints },
      D: { points: row.gradeDPoints },
    },
  };
}

/**
 * Sets the weights (points out of 100 for basic duties, outcomes, satisfaction; they must add up
 * to 100) and the satisfaction grading, in one transaction with its audit entry.
 */
export async function setScorecardSettings(tx: TenantTx, actor: Actor, request: ScorecardSettingsRequest) {
  requireTenantWide(actor, 'scorecard.manage');
  const input = ZScorecardSettingsRequest.parse(request);
  const before = await getScorecardSettings(tx);
  const { grading } = input;
  const values = {
    basicWeight: input.basic,
    outcomeWeight: input.outcome,
    satisfactionWeight: input.satisfaction,
    gradeAFrom: grading.A.from,
    gradeAPoints: grading.A.points,
    gradeBFrom: grading.B.from,
    gradeBPoints: grading.B.points,
    gradeCFrom: grading.C.from,
    gradeCPoints: grading.C.points,
    gradeDPoints: grading.D.points,
    updatedAt: new Date(),
  };
  await tx
    .insert(schema.scorecardSetting)
    .values({ tenantId: actor.tenantId, ...values })
    .onConflictDoUpdate({ target: schema.scorecardSetting.tenantId, set: values });
  const after: ScorecardSettings = {
    weights: { basic: input.basic, outcome: input.outcome, satisfaction: input.satisfaction },
    grading,
  };
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'scorecard.settings_set',
    objectType: 'tenant',
    objectId: actor.tenantId,
    before,
    after,
  });
  return after;
}

type Row = Record<string, string | number | null>;
const num = (v: string | number | null | undefined) => Number(v ?? 0);

/**
 * The platform's figures of each open station's subtree for a quarter: case outcomes from the
 * roll-ups (a range of `case_rollup` per unit, never the cases), duty weekdays and themed days
 * from the roster, and the quarter's inspections.
 */
async function stationQuarters(tx: TenantTx, quarter: string) {
  const period = parsePeriod(quarter);
  const stations = sql`(select s.id, s.path, s.name_zh, s.name_en from organisation s
    where s.kind = 'station' and s.closed_at is null)`;
  const [cases, duty, themed, inspections] = await Promise.all([
    tx.execute<Row>(sql`
      select st.id, st.name_zh, st.name_en, r.*
      from ${stations} st
      cross join lateral (
        select coalesce(sum(x.received), 0)::int as received, coalesce(sum(x.resolved), 0)::int as resolved,
          coalesce(sum(x.resolved_on_time), 0)::int as resolved_on_time,
          coalesce(sum(x.rated), 0)::int as rated, coalesce(sum(x.satisfied), 0)::int as satisfied
        from organisation o
        cross join lateral ${rollupRows(sql`x.organisation_id = o.id and x.service_type = ${schema.ALL_SERVICES}
          and x.dimension = 'all' and x.month >= ${period.from}::date and x.month < ${period.to}::date`)} x
        where o.path like st.path || '%'
      ) r`),
    tx.execute<Row>(sql`
      select st.id, count(distinct d.weekday)::int as n
      from ${stations} st
      join organisation o on o.path like st.path || '%'
      join duty_slot d on d.organisation_id = o.id and d.weekday between 1 and 5
      group by st.id`),
    tx.execute<Row>(sql`
      select st.id, count(distinct t.month)::int as n
      from ${stations} st
      join organisation o on o.path like st.path || '%'
      join themed_day t on t.organisation_id = o.id
        and t.day >= ${period.from}::date and t.day < ${period.to}::date
      group by st.id`),
    tx.execute<Row>(sql`
      select st.id, i.total_score, i.max_score
      from ${stations} st
      join organisation o on o.path like st.path || '%'
      join inspection i on i.organisation_id = o.id and i.quarter = ${quarter}`),
  ]);
  const countOf = (rows: Row[]) => new Map(rows.map((r) => [String(r.id), num(r.n)]));
  const dutyBy = countOf(duty as unknown as Row[]);
  const themedBy = countOf(themed as unknown as Row[]);
  const inspectionsBy = new Map<string, StationQuarter['inspections']>();
  for (const r of inspections as unknown as Row[]) {
    const list = inspectionsBy.get(String(r.id)) ?? [];
    list.push({ totalScore: num(r.total_score), maxScore: num(r.max_score) });
    inspectionsBy.set(String(r.id), list);
  }
  return (cases as unknown as Row[]).map((r) => {
    const id = String(r.id);
    const figures: StationQuarter = {
      dutyWeekdays: dutyBy.get(id) ?? 0,
      themedDayMonths: themedBy.get(id) ?? 0,
      inspections: inspectionsBy.get(id) ?? [],
      received: num(r.received),
      resolved: num(r.resolved),
      resolvedOnTime: num(r.resolved_on_time),
      rated: num(r.rated),
      satisfied: num(r.satisfied),
    };
    return { organisationId: id, nameZh: String(r.name_zh), nameEn: String(r.name_en), figures };
  });
}

/** Scores and ranks every open station for a quarter with the given weights and grading. */
export async function computeScorecard(tx: TenantTx, quarter: string, settings: ScorecardSettings) {
  const stations = await stationQuarters(tx, quarter);
  return rankStations(
    stations.map((s) => ({
      organisationId: s.organisationId,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      ...scoreStation(settings.weights, settings.grading, s.figures),
    })),
  );
}
export type ScorecardRow = Awaited<ReturnType<typeof computeScorecard>>[number];

async function publishedScorecard(tx: TenantTx, quarter: string) {
  const [row] = await tx.select().from(schema.scorecard).where(eq(schema.scorecard.quarter, quarter));
  return row
    ? { ...row, rows: row.rows as ScorecardRow[], grading: row.grading as SatisfactionGrading }
    : null;
}

/**
 * 站点考核: a quarter's scorecard. Those who see the district's statistics get it computed now
 * (with the current weights and grading) beside the published snapshot; other readers of statistics (station
 * heads) get the published one only — published figures are the ones that count.
 */
export async function getScorecard(tx: TenantTx, actor: Actor, input: { quarter: string }) {
  const quarter = ZQuarter.parse(input.quarter);
  const districtWide = canTenantWide(actor, 'statistics.read');
  if (!districtWide && scopesFor(actor.grants, 'statistics.read').length === 0)
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission: 'statistics.read' } });
  const settings = await getScorecardSettings(tx);
  const published = await publishedScorecard(tx, quarter);
  return {
    quarter,
    weights: settings.weights,
    grading: settings.grading,
    live: districtWide ? await computeScorecard(tx, quarter, settings) : null,
    published,
  };
}

/**
 * Publishes a quarter's scorecard as computed now: the snapshot keeps the weights, the grading
 * and every figure, so what was published never moves. Once per quarter.
 */
export async function publishScorecard(tx: TenantTx, actor: Actor, input: { quarter: string }) {
  requireTenantWide(actor, 'scorecard.manage');
  const quarter = ZQuarter.parse(input.quarter);
  if (await publishedScorecard(tx, quarter))
    throw new DomainError('conflict', 'scorecard.already_published', { params: { quarter } });
  const { weights, grading } = await getScorecardSettings(tx);
  const rows = await computeScorecard(tx, quarter, { weights, grading });
  const [created] = await tx
    .insert(schema.scorecard)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      quarter,
      weights,
      grading,
      rows,
      publishedBy: actor.id,
    })
    .returning()
    .catch((error: unknown) => {
      // Published by someone else at the same moment: theirs is the published one.
      if (isUniqueViolation(error, 'scorecard_quarter'))
        throw new DomainError('conflict', 'scorecard.already_published', { params: { quarter } });
      throw error;
    });
  if (!created) throw new Error('scorecard insert returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'scorecard.published',
    objectType: 'scorecard',
    objectId: created.id,
    after: created,
  });
  return { ...created, rows };
}
