import { and, eq, inArray, isNull, lt, schema, sql, type TenantTx } from '@linju/db';
import { isTerminalReferralState } from '@linju/federation/referral-states';
import { caseSettings, todayIn } from '../cases/case-clock.ts';
import { OPEN_STATUSES } from '../cases/case-status.ts';

type ReferralStatus = (typeof schema.referral.$inferSelect)['status'];

/** A district's figures for operators' dashboards: counts only, nothing about a person. */
export type OperationalFigures = {
  /** Cases received since the district began (every channel). */
  intakes: number;
  /** Referrals not yet in a final state, by state. */
  openReferrals: Partial<Record<ReferralStatus, number>>;
  /** Exchange messages still waiting for their 2xx. */
  outboxBacklog: number;
  /** Open, unpaused cases past their due day in the district's time zone. */
  overdueCases: number;
};

const total = sql<number>`count(*)::int`;

/** One query per figure, inside the district's own transaction (RLS shows only its rows). */
export async function operationalFigures(
  tx: TenantTx,
  tenantId: string,
  now = new Date(),
): Promise<OperationalFigures> {
  const c = schema.legalCase;
  const r = schema.referral;
  const today = todayIn(await caseSettings(tx, tenantId), now);
  const [intakes] = await tx.select({ n: total }).from(c);
  const byState = await tx.select({ status: r.status, n: total }).from(r).groupBy(r.status);
  const [backlog] = await tx
    .select({ n: total })
    .from(schema.federationOutbox)
    .where(eq(schema.federationOutbox.status, 'pending'));
  const [overdue] = await tx
    .select({ n: total })
    .from(c)
    .where(and(inArray(c.status, [...OPEN_STATUSES]), isNull(c.pausedSince), lt(c.dueOn, today)));
  return {
    intakes: intakes?.n ?? 0,
    openReferrals: Object.fromEntries(
      byState.filter((s) => !isTerminalReferralState(s.status)).map((s) => [s.status, s.n]),
    ),
    outboxBacklog: backlog?.n ?? 0,
    overdueCases: overdue?.n ?? 0,
  };
}
