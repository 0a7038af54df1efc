import { and, eq, inArray, schema, type TenantTx } from '@linju/db';
import { loadCalendar } from '../calendar/national-calendar.ts';
import {
  addWorkingDays,
  type CalendarExceptions,
  localDate,
  workingDaysBetween,
} from '../calendar/working-days.ts';

export type CaseSettings = {
  numberPrefix: string;
  requireSatisfactionToClose: boolean;
  dueSoonWorkingDays: number;
  defaultWorkingDays: number;
  timeZone: string;
};

/** The tenant's case settings, with defaults for a tenant that never saved any. */
export async function caseSettings(tx: TenantTx, tenantId: string): Promise<CaseSettings> {
  const [tenant] = await tx
    .select({ slug: schema.tenant.slug, timeZone: schema.tenant.timeZone, row: schema.caseSetting })
    .from(schema.tenant)
    .leftJoin(schema.caseSetting, eq(schema.caseSetting.tenantId, schema.tenant.id))
    .where(eq(schema.tenant.id, tenantId));
  const row = tenant?.row;
  const timeZone = tenant?.timeZone ?? 'Asia/Shanghai';
  if (row) return { ...row, timeZone };
  const letters = (tenant?.slug ?? 'case')
    .replace(/[^a-z]/g, '')
    .slice(0, 2)
    .toUpperCase();
  return {
    numberPrefix: letters || 'CS',
    requireSatisfactionToClose: false,
    dueSoonWorkingDays: 2,
    defaultWorkingDays: 15,
    timeZone,
  };
}

/** The limit for a service and category: the category's row, else the service's `*` row, else the default. */
export async function resolveLimit(
  tx: TenantTx,
  settings: CaseSettings,
  serviceType: string,
  category: string | null,
): Promise<number> {
  const rows = await tx
    .select()
    .from(schema.timeLimit)
    .where(
      and(
        eq(schema.timeLimit.serviceType, serviceType),
        inArray(schema.timeLimit.category, [category ?? '*', '*']),
      ),
    );
  const specific = rows.find((r) => r.category === category) ?? rows.find((r) => r.category === '*');
  return specific?.workingDays ?? settings.defaultWorkingDays;
}

export type Clock = {
  limitWorkingDays: number;
  clockStartedOn: string;
  pausedWorkingDays: number;
  pausedSince: string | null;
};

/** The due date of a running clock; none while paused (waiting for the resident). */
export const dueOnOf = (clock: Clock, calendar: CalendarExceptions): string | null =>
  clock.pausedSince
    ? null
    : addWorkingDays(clock.clockStartedOn, clock.limitWorkingDays + clock.pausedWorkingDays, calendar);

export const calendarFor = (tx: TenantTx, clock: Pick<Clock, 'clockStartedOn'>) =>
  loadCalendar(tx, clock.clockStartedOn);

/** Resuming adds the working days spent waiting (after the pause day, up to today) to the limit. */
export function resumedClock(clock: Clock, today: string, calendar: CalendarExceptions): Clock {
  if (!clock.pausedSince) return clock;
  return {
    ...clock,
    pausedWorkingDays: clock.pausedWorkingDays + workingDaysBetween(clock.pausedSince, today, calendar),
    pausedSince: null,
  };
}

export const todayIn = (settings: Pick<CaseSettings, 'timeZone'>, now = new Date()) =>
  localDate(now, settings.timeZone);
