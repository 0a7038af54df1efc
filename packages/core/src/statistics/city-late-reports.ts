import type { TenantTx } from '@linju/db';
import { systemActor } from '../actor.ts';
import { localDate } from '../calendar/working-days.ts';
import { caseSettings } from '../cases/case-clock.ts';
import { notify } from '../notifications/notification-service.ts';
import { bureauAdmins } from '../staff/role-holders.ts';
import { getCityOverview } from './city-overview.ts';
import { previousMonth } from './sweep-ranking.ts';

/** The last day of a month a district may choose for sending its figures (`sendDay` is 1–28). */
export const LAST_SEND_DAY = 28;

export type LateReportsRunResult = {
  /** The month whose reports were looked for (`YYYY-MM`, the month before the city's local today). */
  month: string;
  /** The districts without a report for it (by name), as the city page lists them (未报送). */
  late: string[];
  /** How many administrators were newly told (0 when all reported, or told before). */
  notified: number;
};

/**
 * 未报送提醒: run on the {@link LAST_SEND_DAY}th, when every district's chosen day has passed, it
 * tells the city bureau's administrators which districts have not reported last month — the
 * city page's list (`getCityOverview`) — once per month. Nothing when all have reported, nor for
 * a tenant that is not a city bureau.
 */
export async function alertLateDistrictReports(
  tx: TenantTx,
  input: { tenantId: string; now?: Date },
): Promise<LateReportsRunResult> {
  const { timeZone } = await caseSettings(tx, input.tenantId);
  const month = previousMonth(localDate(input.now ?? new Date(), timeZone).slice(0, 7));
  const overview = await getCityOverview(tx, systemActor(input.tenantId, 'city-late-reports'), {
    period: month,
  });
  const late = overview.cityBureau ? overview.notReported.map((d) => d.districtName) : [];
  if (late.length === 0) return { month, late, notified: 0 };
  const told = await notify(tx, {
    tenantId: input.tenantId,
    recipientIds: await bureauAdmins(tx),
    kind: 'statistics.reports_late',
    messageKey: 'notification.city_reports_late',
    params: { month, count: late.length, districts: late.join('、') },
    dedupeKey: `city-reports-late:${month}`,
  });
  return { month, late, notified: told.length };
}
