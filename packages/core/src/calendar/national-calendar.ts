import { and, asc, eq, gte, lte, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requireTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import type { CalendarExceptions } from './working-days.ts';

type Entry = { day: string; kind: 'holiday' | 'workday'; name: string; source: string };

const range = (from: string, to: string, name: string, source: string): Entry[] => {
  const days: Entry[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  ) {
    days.push({ day: d.toISOString().slice(0, 10), kind: 'holiday', name, source });
  }
  return days;
};
const workday = (day: string, name: string, source: string): Entry => ({
  day,
  kind: 'workday',
  name,
  source,
});

const N2025 = '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）';
const N2026 = '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）';
/** The 2027 notice had not been published when this was written: statutory days only, no 调休. */
const P2027 = '《全国年节及纪念日放假办法》法定假日（暂定：待国务院办公厅2027年安排通知后补充调休）';

/**
 * The national working calendar, 2025–2027, as the State Council published it: every day off of
 * each holiday period (weekends inside a period included) and every make-up working day.
 */
export const NATIONAL_CALENDAR: readonly Entry[] = [
  ...range('2025-01-01', '2025-01-01', '元旦', N2025),
  ...range('2025-01-28', '2025-02-04', '春节', N2025),
  workday('2025-01-26', '春节调休上班', N2025),
  workday('2025-02-08', '春节调休上班', N2025),
  ...range('2025-04-04', '2025-04-06', '清明节', N2025),
  ...range('2025-05-01', '2025-05-05', '劳动节', N2025),
  workday('2025-04-27', '劳动节调休上班', N2025),
  ...range('2025-05-31', '2025-06-02', '端午节', N2025),
  ...range('2025-10-01', '2025-10-08', '国庆节、中秋节', N2025),
  workday('2025-09-28', '国庆节调休上班', N2025),
  workday('2025-10-11', '国庆节调休上班', N2025),

  ...range('2026-01-01', '2026-01-03', '元旦', N2026),
  workday('2026-01-04', '元旦调休上班', N2026),
  ...range('2026-02-15', '2026-02-23', '春节', N2026),
  workday('2026-02-14', '春节调休上班', N2026),
  workday('2026-02-28', '春节调休上班', N2026),
  ...range('2026-04-04', '2026-04-06', '清明节', N2026),
  ...range('2026-05-01', '2026-05-05', '劳动节', N2026),
  workday('2026-05-09', '劳动节调休上班', N2026),
  ...range('2026-06-19', '2026-06-21', '端午节', N2026),
  ...range('2026-09-25', '2026-09-27', '中秋节', N2026),
  ...range('2026-10-01', '2026-10-07', '国庆节', N2026),
  workday('2026-09-20', '国庆节调休上班', N2026),
  workday('2026-10-10', '国庆节调休上班', N2026),

  ...range('2027-01-01', '2027-01-01', '元旦', P2027),
  ...range('2027-02-05', '2027-02-08', '春节', P2027),
  ...range('2027-04-05', '2027-04-05', '清明节', P2027),
  ...range('2027-05-01', '2027-05-02', '劳动节', P2027),
  ...range('2027-06-09', '2027-06-09', '端午节', P2027),
  ...range('2027-09-15', '2027-09-15', '中秋节', P2027),
  ...range('2027-10-01', '2027-10-03', '国庆节', P2027),
];

/** The calendar as the pure arithmetic takes it. */
export const calendarOf = (
  entries: readonly { day: string; kind: 'holiday' | 'workday' }[],
): CalendarExceptions => new Map(entries.map((e) => [e.day, e.kind]));

/**
 * Seeds the tenant's calendar with the national one. Days the tenant already has are left as
 * they are (a district may have edited them); run at onboarding and by the demo seed.
 */
export async function seedNationalCalendar(tx: TenantTx, actor: Actor): Promise<{ added: number }> {
  requireTenantWide(actor, 'case.settings.manage');
  const added = await tx
    .insert(schema.calendarDay)
    .values(NATIONAL_CALENDAR.map((e) => ({ ...e, tenantId: actor.tenantId })))
    .onConflictDoNothing()
    .returning({ day: schema.calendarDay.day });
  if (added.length > 0) {
    await appendAudit(tx, {
      ...auditActor(actor),
      action: 'calendar.seeded',
      objectType: 'calendar',
      objectId: actor.tenantId,
      after: { added: added.length, years: [2025, 2026, 2027] },
    });
  }
  return { added: added.length };
}

/** The tenant's exceptions from `from` on (limits never reach back), for the arithmetic. */
export async function loadCalendar(tx: TenantTx, from: string): Promise<CalendarExceptions> {
  const rows = await tx
    .select({ day: schema.calendarDay.day, kind: schema.calendarDay.kind })
    .from(schema.calendarDay)
    .where(gte(schema.calendarDay.day, from));
  return calendarOf(rows);
}

const ZDay = z.iso.date({ message: 'validation.date_invalid' });
export const ZCalendarDayRequest = z.object({
  day: ZDay,
  kind: z.enum(schema.CALENDAR_DAY_KINDS),
  name: z.string().trim().min(1, { message: 'validation.required' }).max(40),
});

export async function listCalendarDays(tx: TenantTx, input: { year: number }) {
  const year = z.number().int().min(2000).max(2100).parse(input.year);
  return tx
    .select({
      day: schema.calendarDay.day,
      kind: schema.calendarDay.kind,
      name: schema.calendarDay.name,
      source: schema.calendarDay.source,
    })
    .from(schema.calendarDay)
    .where(and(gte(schema.calendarDay.day, `${year}-01-01`), lte(schema.calendarDay.day, `${year}-12-31`)))
    .orderBy(asc(schema.calendarDay.day));
}

/** Adds or changes one day of the tenant's calendar (a local holiday, a corrected 调休). */
export async function setCalendarDay(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZCalendarDayRequest>,
) {
  requireTenantWide(actor, 'case.settings.manage');
  const input = ZCalendarDayRequest.parse(request);
  const [before] = await tx.select().from(schema.calendarDay).where(eq(schema.calendarDay.day, input.day));
  const values = { ...input, tenantId: actor.tenantId, source: `本区设置（${actor.name}）` };
  await tx
    .insert(schema.calendarDay)
    .values(values)
    .onConflictDoUpdate({
      target: [schema.calendarDay.tenantId, schema.calendarDay.day],
      set: { kind: values.kind, name: values.name, source: values.source },
    });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'calendar.day_set',
    objectType: 'calendar',
    objectId: input.day,
    before: before ?? null,
    after: values,
  });
  return values;
}

export async function removeCalendarDay(tx: TenantTx, actor: Actor, input: { day: string }) {
  requireTenantWide(actor, 'case.settings.manage');
  const day = ZDay.parse(input.day);
  const removed = await tx.delete(schema.calendarDay).where(eq(schema.calendarDay.day, day)).returning();
  if (removed.length === 0) throw new DomainError('not-found', 'calendar.day_not_found', { field: 'day' });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'calendar.day_removed',
    objectType: 'calendar',
    objectId: day,
    before: removed[0],
  });
  return { removed: true };
}
