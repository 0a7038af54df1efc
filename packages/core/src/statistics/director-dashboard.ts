import { and, eq, inArray, schema, sql, type TenantTx } from '@linju/db';
import { isTerminalReferralState } from '@linju/federation/referral-states';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { caseSettings, todayIn } from '../cases/case-clock.ts';
import { OPEN_STATUSES } from '../cases/case-status.ts';
import { getStatistics, levelBelow, resolveScope } from './statistics-query.ts';

export const ZDirectorDashboardRequest = z.object({
  /** The unit whose subtree is shown; none for the whole district (the right on the centre). */
  organisationId: z.uuid().nullish(),
});

type ReferralStatus = (typeof schema.referral.$inferSelect)['status'];
type CountRow = { unit: string; service: string; open: number; overdue: number };

/**
 * 领导驾驶舱: what a district head or a centre director looks at first — today's intake, the open
 * and overdue cases by unit (one level down) and by service, the referrals still waiting for a
 * partner, and this month's satisfaction (the statistics' own figures, `getStatistics`). Within
 * `statistics.read`'s scope. The live counts read open cases only (one grouped statement over the
 * scope's open cases, today's receipts by the receipt index); nothing is recounted from history.
 */
export async function getDirectorDashboard(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZDirectorDashboardRequest>,
) {
  const input = ZDirectorDashboardRequest.parse(request);
  const scope = await resolveScope(tx, actor, input.organisationId);
  const { timeZone } = await caseSettings(tx, actor.tenantId);
  const today = todayIn({ timeZone });
  const month = today.slice(0, 7);
  const c = schema.legalCase;
  const o = schema.organisation;
  const { parentPath, own } = await levelBelow(tx, scope.organisation);
  const under = scope.districtWide ? '' : (scope.organisation?.path ?? '');
  const inScope = (unit: Parameters<typeof inArray>[0]) =>
    scope.districtWide
      ? undefined
      : inArray(
          unit,
          tx
            .select({ id: o.id })
            .from(o)
            .where(sql`${o.path} like ${`${under}%`}`),
        );

  const [intake] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(c)
    .where(
      and(
        sql`${c.receivedAt} >= (${today}::date::timestamp at time zone ${timeZone})`,
        inScope(c.receivedAtOrganisationId),
      ),
    );
  const open = sql.raw(OPEN_STATUSES.map((s) => `'${s}'`).join(', '));
  const counts = (await tx.execute<CountRow>(sql`
    select split_part(substr(o.path, ${parentPath.length + 1}), '/', 1) as unit, x.service_type as service,
      count(*)::int as open,
      (count(*) filter (where x.due_on < ${today}::date and x.paused_since is null))::int as overdue
    from ${c} x join ${o} o on o.tenant_id = x.tenant_id and o.id = x.current_organisation_id
    where x.status in (${open}) ${under ? sql`and o.path like ${`${under}%`}` : sql``}
    group by 1, 2`)) as unknown as CountRow[];

  const units = new Map<string, { open: number; overdue: number }>();
  const services = new Map<string, { open: number; overdue: number }>();
  const add = (map: Map<string, { open: number; overdue: number }>, key: string, row: CountRow) => {
    const sum = map.get(key) ?? { open: 0, overdue: 0 };
    sum.open += row.open;
    sum.overdue += row.overdue;
    map.set(key, sum);
  };
  for (const row of counts) {
    // A case held above the level (at the scope's own unit, or outside the centre) counts as its own line.
    add(units, row.unit || own?.id || '', row);
    add(services, row.service, row);
  }
  const unitIds = [...units.keys()].filter(Boolean);
  const names =
    unitIds.length === 0
      ? []
      : await tx
          .select({ id: o.id, nameZh: o.nameZh, nameEn: o.nameEn })
          .from(o)
          .where(inArray(o.id, unitIds));
  const named = new Map(names.map((n) => [n.id, n]));

  const r = schema.referral;
  const referralRows = await tx
    .select({ status: r.status, n: sql<number>`count(*)::int` })
    .from(r)
    .where(and(eq(r.direction, 'outgoing'), inScope(r.fromOrganisationId)))
    .groupBy(r.status);
  const awaiting = referralRows.filter((row) => !isTerminalReferralState(row.status));

  const statistics = await getStatistics(tx, actor, {
    period: month,
    organisationId: scope.organisation?.id ?? null,
  });
  const byOpen = <T extends { open: number; overdue: number }>(a: T, b: T) =>
    b.overdue - a.overdue || b.open - a.open;
  return {
    organisationId: scope.organisation?.id ?? null,
    today,
    month,
    intakeToday: intake?.n ?? 0,
    open: [...units.values()].reduce((n, u) => n + u.open, 0),
    overdue: [...units.values()].reduce((n, u) => n + u.overdue, 0),
    byUnit: [...units.entries()]
      .map(([id, sum]) => ({
        organisationId: id,
        nameZh: named.get(id)?.nameZh ?? id,
        nameEn: named.get(id)?.nameEn ?? id,
        own: id === own?.id,
        ...sum,
      }))
      .sort(byOpen),
    byService: [...services.entries()].map(([serviceType, sum]) => ({ serviceType, ...sum })).sort(byOpen),
    referralsAwaiting: {
      total: awaiting.reduce((n, row) => n + row.n, 0),
      byStatus: Object.fromEntries(awaiting.map((row) => [row.status, row.n])) as Partial<
        Record<ReferralStatus, number>
      >,
    },
    satisfaction: {
      month,
      rated: statistics.totals.rated,
      satisfactionRate: statistics.totals.satisfactionRate,
      averageScore: statistics.totals.averageScore,
      receivedThisMonth: statistics.totals.received,
    },
  };
}
export type DirectorDashboard = Awaited<ReturnType<typeof getDirectorDashboard>>;
