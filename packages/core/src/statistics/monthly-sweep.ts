import { randomUUID } from 'node:crypto';
import { desc, eq, schema, sql, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requireTenantWide, systemActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { localDate } from '../calendar/working-days.ts';
import { caseSettings } from '../cases/case-clock.ts';
import { DomainError } from '../errors.ts';
import { notify } from '../notifications/notification-service.ts';
import { bureauAdmins } from '../staff/role-holders.ts';
import { getStatistics } from './statistics-query.ts';
import { requestStatisticsReport } from './statistics-report.ts';
import { type GrowthFinding, monthRange, previousMonth, rankByGrowth } from './sweep-ranking.ts';

/** How many lines of each ranking a review keeps: the top of the list is what gets looked at. */
const TOP = 20;

export type SweepFindings = {
  month: string;
  previousMonth: string;
  totals: {
    cases: { current: number; previous: number };
    hotline12345: { current: number; previous: number };
  };
  /** By `service/category` (`-` for no category). */
  categories: GrowthFinding[];
  /** 12345 city-hotline orders only (the imported ones), by category. */
  hotlineCategories: GrowthFinding[];
  /** By the unit where the matters arrived. */
  organisations: (GrowthFinding & { nameZh: string; nameEn: string })[];
  /**
   * The month's figures as the dashboard and the monthly report give them (from the roll-ups),
   * and the district-wide monthly report queued with the review. Absent on reviews made before.
   */
  statistics?: {
    received: number;
    resolved: number;
    onTimeRate: number | null;
    averageResolutionDays: number | null;
    feedback: number;
    rated: number;
    satisfactionRate: number | null;
    reportId: string;
  };
};

type Counted = { key: string; hotline: boolean; month: string; count: number };

/** Matters received in the two months, by local month, category or unit, and 12345 or not. */
async function countByMonth(
  tx: TenantTx,
  timeZone: string,
  from: string,
  until: string,
  by: 'category' | 'organisation',
): Promise<Counted[]> {
  const c = schema.legalCase;
  const local = sql`(${c.receivedAt} at time zone ${timeZone})`;
  const key =
    by === 'category'
      ? sql<string>`${c.serviceType} || '/' || coalesce(${c.category}, '-')`
      : sql<string>`${c.receivedAtOrganisationId}::text`;
  const rows = await tx
    .select({
      key,
      hotline: sql<boolean>`${c.channel} = 'hotline-12345'`,
      month: sql<string>`to_char(${local}, 'YYYY-MM')`,
      count: sql<number>`count(*)::int`,
    })
    .from(c)
    .where(sql`${local} >= ${from}::date and ${local} < ${until}::date`)
    .groupBy(sql`1, 2, 3`);
  return rows;
}

const tally = (rows: Counted[], month: string, hotlineOnly: boolean) => {
  const m = new Map<string, number>();
  for (const r of rows) {
    if (r.month !== month || (hotlineOnly && !r.hotline)) continue;
    m.set(r.key, (m.get(r.key) ?? 0) + r.count);
  }
  return m;
};
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** The sweep's findings for a month: pure reads, nothing written. */
export async function collectSweepFindings(
  tx: TenantTx,
  tenantId: string,
  month: string,
): Promise<SweepFindings> {
  const settings = await caseSettings(tx, tenantId);
  const before = previousMonth(month);
  const { from } = monthRange(before);
  const { until } = monthRange(month);
  const byCategory = await countByMonth(tx, settings.timeZone, from, until, 'category');
  const byUnit = await countByMonth(tx, settings.timeZone, from, until, 'organisation');
  const units = await tx
    .select({
      id: schema.organisation.id,
      nameZh: schema.organisation.nameZh,
      nameEn: schema.organisation.nameEn,
    })
    .from(schema.organisation);
  const unitNames = new Map(units.map((u) => [u.id, u]));
  const casesNow = tally(byCategory, month, false);
  const casesBefore = tally(byCategory, before, false);
  const hotlineNow = tally(byCategory, month, true);
  const hotlineBefore = tally(byCategory, before, true);
  return {
    month,
    previousMonth: before,
    totals: {
      cases: { current: sum(casesNow), previous: sum(casesBefore) },
      hotline12345: { current: sum(hotlineNow), previous: sum(hotlineBefore) },
    },
    categories: rankByGrowth(casesNow, casesBefore).slice(0, TOP),
    hotlineCategories: rankByGrowth(hotlineNow, hotlineBefore).slice(0, TOP),
    organisations: rankByGrowth(tally(byUnit, month, false), tally(byUnit, before, false))
      .slice(0, TOP)
      .map((f) => ({
        ...f,
        nameZh: unitNames.get(f.key)?.nameZh ?? f.key,
        nameEn: unitNames.get(f.key)?.nameEn ?? f.key,
      })),
  };
}

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'validation.invalid_format' });

export const ZSweepRequest = z.object({
  tenantId: z.uuid(),
  /** The month to sweep; by default the month before `now` in the district's time zone. */
  month: ZMonth.optional(),
  now: z.coerce.date().optional(),
});

/**
 * 每月18日主动排查: collects last month's matters and imported 12345 orders, ranks categories and
 * units by growth against the month before, and files the findings as a review for the bureau
 * administrators, who are notified. One review per month: a second run finds it and does nothing.
 */
export async function sweepMonth(tx: TenantTx, request: z.input<typeof ZSweepRequest>) {
  const input = ZSweepRequest.parse(request);
  const settings = await caseSettings(tx, input.tenantId);
  const month =
    input.month ?? previousMonth(localDate(input.now ?? new Date(), settings.timeZone).slice(0, 7));
  const [existing] = await tx
    .select({ id: schema.sweepReview.id, findings: schema.sweepReview.findings })
    .from(schema.sweepReview)
    .where(eq(schema.sweepReview.month, month));
  if (existing) {
    // A retried run finishes the report its first attempt queued (making it is idempotent).
    const reportId = (existing.findings as SweepFindings).statistics?.reportId;
    return { month, created: false, reviewId: existing.id, findings: 0, ...(reportId ? { reportId } : {}) };
  }
  const actor = systemActor(input.tenantId, 'monthly sweep');
  const findings = await collectSweepFindings(tx, input.tenantId, month);
  // The review quotes the month's report figures and links the report (月报), made after commit.
  const stats = await getStatistics(tx, actor, { period: month });
  const report = await requestStatisticsReport(tx, actor, { period: month });
  const t = stats.totals;
  findings.statistics = {
    received: t.received,
    resolved: t.resolved,
    onTimeRate: t.onTimeRate,
    averageResolutionDays: t.averageResolutionDays,
    feedback: t.feedback,
    rated: t.rated,
    satisfactionRate: t.satisfactionRate,
    reportId: report.id,
  };
  const id = randomUUID();
  const [row] = await tx
    .insert(schema.sweepReview)
    .values({ tenantId: input.tenantId, id, month, findings })
    .onConflictDoNothing()
    .returning({ id: schema.sweepReview.id });
  if (!row) return { month, created: false, reviewId: id, findings: 0 };
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'sweep.created',
    objectType: 'sweep_review',
    objectId: id,
    after: { month, totals: findings.totals },
  });
  await notify(tx, {
    tenantId: input.tenantId,
    recipientIds: await bureauAdmins(tx),
    kind: 'sweep.ready',
    messageKey: 'notification.sweep_ready',
    params: { month, cases: findings.totals.cases.current },
    dedupeKey: `sweep:${month}`,
  });
  const count = findings.categories.length + findings.organisations.length;
  return { month, created: true, reviewId: id, findings: count, reportId: report.id };
}

/** The sweep reviews, newest month first: for the bureau administrators. */
export async function listSweepReviews(tx: TenantTx, actor: Actor) {
  requireTenantWide(actor, 'tenant.settings.manage');
  const rows = await tx.select().from(schema.sweepReview).orderBy(desc(schema.sweepReview.month)).limit(36);
  return rows.map(({ tenantId: _, findings, ...r }) => ({ ...r, findings: findings as SweepFindings }));
}

export const ZSweepReviewedRequest = z.object({
  id: z.uuid(),
  note: z.string().trim().max(2000).nullish(),
});

/** Marks a sweep reviewed (with what was done about it); a review already marked is refused. */
export async function markSweepReviewed(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZSweepReviewedRequest>,
) {
  requireTenantWide(actor, 'tenant.settings.manage');
  const input = ZSweepReviewedRequest.parse(request);
  const [current] = await tx
    .select()
    .from(schema.sweepReview)
    .where(eq(schema.sweepReview.id, input.id))
    .for('update');
  if (!current) throw new DomainError('not-found', 'sweep.not_found', { field: 'id' });
  if (current.status === 'reviewed')
    throw new DomainError('conflict', 'sweep.already_reviewed', { field: 'id' });
  const [row] = await tx
    .update(schema.sweepReview)
    .set({ status: 'reviewed', reviewedBy: actor.id, reviewedAt: new Date(), reviewNote: input.note ?? null })
    .where(eq(schema.sweepReview.id, input.id))
    .returning();
  if (!row) throw new Error('sweep review update returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'sweep.reviewed',
    objectType: 'sweep_review',
    objectId: row.id,
    before: { status: current.status },
    after: { status: row.status, month: row.month, note: row.reviewNote },
  });
  return { id: row.id, month: row.month, status: row.status, reviewedAt: row.reviewedAt };
}
