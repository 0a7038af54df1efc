import { eq, schema, sql, type TenantTx } from '@linju/db';
import type { AnyPlugin } from '@linju/plugin-sdk';
import { ACTIVITY_MEASURE, ACTIVITY_MEASURES } from '@linju/vocabulary';
import { systemActor } from '../actor.ts';
import { monthOf } from '../cases/case-tally.ts';
import { pluginDb } from '../plugin-data/plugin-db.ts';

/** One piece of work counted once: a referral completed, a consultation logged, an event held. */
export type ActivityFact = {
  organisationId: string;
  measure: schema.ActivityMeasure;
  /** First day of the month, e.g. `2026-03-01`. */
  month: string;
  value: string;
  amount: number;
};

const keyOf = (f: Pick<ActivityFact, 'organisationId' | 'measure' | 'month' | 'value'>) =>
  [f.organisationId, f.measure, f.month, f.value].join('|');

export type ActivityMeasures = { count: number; amount: number };

/** Adds facts into a map of roll-up rows: each at its unit and district-wide, like the case roll-ups. */
export function accumulateActivity(into: Map<string, ActivityMeasures>, fact: ActivityFact) {
  for (const organisationId of [fact.organisationId, schema.DISTRICT_WIDE]) {
    const key = keyOf({ ...fact, organisationId });
    const row = into.get(key) ?? { count: 0, amount: 0 };
    row.count += 1;
    row.amount += fact.amount;
    into.set(key, row);
  }
}

/**
 * Adds one fact to the roll-ups in the caller's transaction (two rows, in key order); `sign` -1
 * takes a corrected fact back out.
 */
export async function addActivityToRollups(
  tx: TenantTx,
  tenantId: string,
  fact: ActivityFact,
  sign: 1 | -1 = 1,
) {
  const r = schema.activityRollup;
  const rows = [fact.organisationId, schema.DISTRICT_WIDE]
    .map((organisationId) => ({ ...fact, organisationId }))
    .sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : 1))
    .map((f) => ({ tenantId, ...f, count: sign, amount: sign * f.amount }));
  await tx
    .insert(r)
    .values(rows)
    .onConflictDoUpdate({
      target: [r.tenantId, r.organisationId, r.measure, r.month, r.value],
      set: {
        count: sql.raw('activity_rollup.count + excluded.count'),
        amount: sql.raw('activity_rollup.amount + excluded.amount'),
      },
    });
}

async function timeZoneOf(tx: TenantTx, tenantId: string) {
  const [tenant] = await tx
    .select({ timeZone: schema.tenant.timeZone })
    .from(schema.tenant)
    .where(eq(schema.tenant.id, tenantId));
  return tenant?.timeZone ?? 'Asia/Shanghai';
}

const turnaroundSeconds = (sentAt: Date, completedAt: Date) =>
  Math.max(0, Math.round((completedAt.getTime() - sentAt.getTime()) / 1000));

/**
 * 转介办结: an outgoing referral completed by its partner counts at the sending unit, in the month
 * it completed, by the partner's kind (court, police…), with its turnaround (sent → completed).
 * Called by `recordReferralEvent` once, when the completion is written.
 */
export async function countReferralCompletion(
  tx: TenantTx,
  referral: Pick<
    typeof schema.referral.$inferSelect,
    'tenantId' | 'direction' | 'fromOrganisationId' | 'toOrganisationId' | 'createdAt'
  >,
  completedAt: Date,
) {
  if (referral.direction !== 'outgoing' || !referral.fromOrganisationId) return;
  const [partner] = await tx
    .select({ kind: schema.organisation.kind })
    .from(schema.organisation)
    .where(eq(schema.organisation.id, referral.toOrganisationId));
  await addActivityToRollups(tx, referral.tenantId, {
    organisationId: referral.fromOrganisationId,
    measure: ACTIVITY_MEASURE.referralCompleted,
    month: monthOf(completedAt, await timeZoneOf(tx, referral.tenantId)),
    value: partner?.kind ?? 'unknown',
    amount: turnaroundSeconds(referral.createdAt, completedAt),
  });
}

/** 咨询时长: a consultation logged counts its minutes at its unit, by channel (热线 = `hotline`). */
export async function countConsultation(
  tx: TenantTx,
  tenantId: string,
  log: { organisationId: string; heldAt: Date | string; channel: string; durationMinutes: number },
) {
  await addActivityToRollups(tx, tenantId, {
    organisationId: log.organisationId,
    measure: ACTIVITY_MEASURE.consultation,
    month: monthOf(new Date(log.heldAt), await timeZoneOf(tx, tenantId)),
    value: log.channel,
    amount: log.durationMinutes,
  });
}

/** The month a plugin's fact counts in: an ISO date's own, a moment's in district time. */
const monthOfFactIn = (at: Date | string, timeZone: string) =>
  typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at)
    ? `${at.slice(0, 7)}-01`
    : monthOf(new Date(at), timeZone);

/** A fact a plugin counts under one of the platform's measures (its statistic's `measure`). */
export type PluginActivityFact = { organisationId: string; at: Date | string; value: string; amount: number };

const isActivityMeasure = (measure: string): measure is schema.ActivityMeasure =>
  (ACTIVITY_MEASURES as readonly string[]).includes(measure);

/**
 * Counts (or, with `sign` -1, takes back) a plugin's fact in the roll-ups, in the caller's
 * transaction. The measure must be one the roll-ups know.
 */
export async function countPluginActivity(
  tx: TenantTx,
  tenantId: string,
  measure: string,
  fact: PluginActivityFact,
  sign: 1 | -1 = 1,
) {
  if (!isActivityMeasure(measure)) throw new Error(`"${measure}" is not an activity measure`);
  await addActivityToRollups(
    tx,
    tenantId,
    {
      organisationId: fact.organisationId,
      measure,
      month: monthOfFactIn(fact.at, await timeZoneOf(tx, tenantId)),
      value: fact.value,
      amount: fact.amount,
    },
    sign,
  );
}

type EducationEventFacts = { organisationId: string; heldOn: string; eventType: string; attendance: number };

const educationEventFact = (event: EducationEventFacts): ActivityFact => ({
  organisationId: event.organisationId,
  measure: ACTIVITY_MEASURE.educationEvent,
  month: `${event.heldOn.slice(0, 7)}-01`,
  value: event.eventType,
  amount: event.attendance,
});

/** 法治宣传活动: an event held counts with its attendance at its unit, by event type. */
export async function countEducationEvent(tx: TenantTx, tenantId: string, event: EducationEventFacts) {
  await addActivityToRollups(tx, tenantId, educationEventFact(event));
}

/** A corrected event (attendance, type or month) moves in the roll-ups from what it was to what it is. */
export async function recountCorrectedEducationEvent(
  tx: TenantTx,
  tenantId: string,
  before: EducationEventFacts,
  after: EducationEventFacts,
) {
  await addActivityToRollups(tx, tenantId, educationEventFact(before), -1);
  await addActivityToRollups(tx, tenantId, educationEventFact(after));
}

/** The installed plugins as the statistics need them: their statistics' measures and recounts. */
export type StatisticPlugins = readonly Pick<AnyPlugin, 'id' | 'statistics'>[];

/**
 * The activity roll-ups as a full recount makes them, from the referrals' completion events and
 * the plugins' own recounts of their statistics (the consultation log, the legal-education
 * events: read only to check the incremental path, like `recountRollups`). Slow by design.
 */
export async function recountActivityRollups(tx: TenantTx, plugins: StatisticPlugins) {
  const [tenant] = await tx
    .select({ id: schema.tenant.id, timeZone: schema.tenant.timeZone })
    .from(schema.tenant);
  const timeZone = tenant?.timeZone ?? 'Asia/Shanghai';
  const rows = new Map<string, ActivityMeasures>();
  const completions = (await tx.execute<{
    from_id: string;
    kind: string | null;
    sent: string;
    at: string;
  }>(sql`
    select r.from_organisation_id as from_id, o.kind, to_json(r.created_at) #>> '{}' as sent,
      to_json(e.at) #>> '{}' as at
    from referral_event e
    join referral r on r.id = e.referral_id
    left join organisation o on o.id = r.to_organisation_id
    where e.to_status = 'completed' and r.direction = 'outgoing' and r.from_organisation_id is not null`)) as unknown as {
    from_id: string;
    kind: string | null;
    sent: string;
    at: string;
  }[];
  for (const c of completions) {
    const at = new Date(c.at);
    accumulateActivity(rows, {
      organisationId: c.from_id,
      measure: ACTIVITY_MEASURE.referralCompleted,
      month: monthOf(at, timeZone),
      value: c.kind ?? 'unknown',
      amount: turnaroundSeconds(new Date(c.sent), at),
    });
  }
  // Each plugin recounts its statistics from its own tables, read as its own role (which alone
  // holds rights on them): the platform names no plugin table.
  const system = systemActor(tenant?.id ?? '', 'statistics recount');
  for (const plugin of plugins) {
    for (const statistic of plugin.statistics ?? []) {
      if (!statistic.measure || !statistic.recount || !isActivityMeasure(statistic.measure)) continue;
      for (const fact of await statistic.recount(pluginDb(tx, system, plugin.id)))
        accumulateActivity(rows, {
          organisationId: fact.organisationId,
          measure: statistic.measure,
          month: monthOfFactIn(fact.at, timeZone),
          value: fact.value,
          amount: fact.amount,
        });
    }
  }
  return rows;
}

/** Rows where the stored activity roll-ups differ from a recount: empty when they are right. */
export async function compareActivityRollups(tx: TenantTx, plugins: StatisticPlugins) {
  const expected = await recountActivityRollups(tx, plugins);
  const stored = new Map<string, ActivityMeasures>();
  for (const r of await tx.select().from(schema.activityRollup)) {
    if (r.count !== 0 || r.amount !== 0) stored.set(keyOf(r), { count: r.count, amount: r.amount });
  }
  const differences: { key: string; expected: ActivityMeasures | null; stored: ActivityMeasures | null }[] =
    [];
  for (const key of new Set([...expected.keys(), ...stored.keys()])) {
    const e = expected.get(key) ?? null;
    const s = stored.get(key) ?? null;
    if (!e || !s || e.count !== s.count || e.amount !== s.amount)
      differences.push({ key, expected: e, stored: s });
  }
  return differences;
}

/**
 * Counts the work done before the activity roll-ups existed: when a district has no activity
 * rows yet, writes what a recount gives (one transaction). A no-op once it has any; run at
 * start-up with the case backfill.
 */
export async function backfillActivityRollups(
  tx: TenantTx,
  tenantId: string,
  plugins: StatisticPlugins,
): Promise<number> {
  const [any] = await tx.select({ month: schema.activityRollup.month }).from(schema.activityRollup).limit(1);
  if (any) return 0;
  const rows = [...(await recountActivityRollups(tx, plugins)).entries()].sort(([a], [b]) =>
    a < b ? -1 : 1,
  );
  for (let i = 0; i < rows.length; i += 500) {
    await tx.insert(schema.activityRollup).values(
      rows.slice(i, i + 500).map(([key, m]) => {
        const [organisationId = '', measure, month = '', value = ''] = key.split('|');
        return { tenantId, organisationId, measure: measure as schema.ActivityMeasure, month, value, ...m };
      }),
    );
  }
  return rows.length;
}
