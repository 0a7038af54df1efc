import { date, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { tenantId, tenantIsolation } from './tenancy.ts';

/** `holiday`: a day off on a weekday or weekend; `workday`: a make-up working day (调休上班) on a weekend. */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/**
 * The tenant's working calendar: only the exceptions to "Monday to Friday". Tenant data, because
 * a district may add local days; seeded from the State Council's yearly notice.
 */
export const calendarDay = pgTable(
  'calendar_day',
  {
    tenantId: tenantId(),
    day: date('day').notNull(),
    kind: text('kind', { enum: CALENDAR_DAY_KINDS }).notNull(),
    name: text('name').notNull(),
    /** Where the day comes from, e.g. 国办发明电〔2025〕7号, or a note that it is provisional. */
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.day] }), tenantIsolation('calendar_day')],
).enableRLS();
