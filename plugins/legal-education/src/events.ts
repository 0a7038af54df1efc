import { type ActivityFact, type PluginDb, PluginRuleError, sql } from '@linju/plugin-sdk';
import { z } from 'zod';
import { EDUCATION_THEMES, EVENT_TYPES } from './vocabulary.ts';

export const ZRecordEventRequest = z.object({
  organisationId: z.uuid(),
  heldOn: z.iso.date(),
  eventType: z.enum(EVENT_TYPES),
  theme: z.enum(EDUCATION_THEMES),
  title: z.string().trim().min(2).max(200),
  venue: z.string().trim().min(2).max(200),
  /** Who came: "居民", "建筑工人", "企业负责人"… */
  audience: z.string().trim().min(1).max(200),
  attendance: z.int().min(0).max(100_000),
  materials: z.int().min(0).max(1_000_000).default(0),
  campaign: z.string().trim().min(2).max(100).optional(),
  themedDay: z.boolean().default(false),
  caseId: z.uuid().optional(),
});

/** Corrects an event of a unit (attendance counted afterwards, a wrong venue…); it stays the unit's. */
export const ZUpdateEventRequest = ZRecordEventRequest.omit({ caseId: true }).extend({ id: z.uuid() });

export const ZEventPeriod = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((p) => p.to >= p.from, { path: ['to'], message: 'legal-education.period_invalid' });

export type EducationEvent = z.output<typeof ZRecordEventRequest> & { id: string; recordedBy: string };

/** Totals of a set of events. */
export type Totals = { events: number; attendance: number; materials: number };

export type CampaignReport = {
  from: string;
  to: string;
  totals: Totals;
  byTheme: (Totals & { theme: string })[];
  byEventType: (Totals & { eventType: string })[];
  byCampaign: (Totals & { campaign: string })[];
  byOrganisation: (Totals & { organisationId: string })[];
  /** Service points and the months of the period in which they held no themed day. */
  missingThemedDays: { organisationId: string; month: string }[];
};

type EventRow = {
  id: string;
  organisation_id: string;
  held_on: string;
  event_type: EducationEvent['eventType'];
  theme: EducationEvent['theme'];
  title: string;
  venue: string;
  audience: string;
  attendance: number;
  materials: number;
  campaign: string | null;
  themed_day: boolean;
  case_id: string | null;
  recorded_by: string;
};

const toEvent = (r: EventRow): EducationEvent => ({
  id: r.id,
  organisationId: r.organisation_id,
  heldOn: r.held_on,
  eventType: r.event_type,
  theme: r.theme,
  title: r.title,
  venue: r.venue,
  audience: r.audience,
  attendance: r.attendance,
  materials: r.materials,
  ...(r.campaign ? { campaign: r.campaign } : {}),
  themedDay: r.themed_day,
  ...(r.case_id ? { caseId: r.case_id } : {}),
  recordedBy: r.recorded_by,
});

const COLUMNS = sql`id, organisation_id, held_on::text as held_on, event_type, theme, title, venue, audience,
  attendance, materials, campaign, themed_day, case_id, recorded_by`;

const pgCode = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
};

/** Records an event held by a unit; a unit holds one themed day a month. */
export async function recordEvent(
  db: PluginDb,
  request: z.input<typeof ZRecordEventRequest>,
  recordedBy: string,
): Promise<EducationEvent> {
  const e = ZRecordEventRequest.parse(request);
  let row: EventRow | undefined;
  try {
    [row] = await db.query<EventRow>(sql`
      insert into legal_education_event (tenant_id, organisation_id, held_on, event_type, theme, title, venue,
        audience, attendance, materials, campaign, themed_day, case_id, recorded_by)
      values (${db.tenantId}, ${e.organisationId}, ${e.heldOn}, ${e.eventType}, ${e.theme}, ${e.title}, ${e.venue},
        ${e.audience}, ${e.attendance}, ${e.materials}, ${e.campaign ?? null}, ${e.themedDay}, ${e.caseId ?? null}, ${recordedBy})
      returning ${COLUMNS}`);
  } catch (error) {
    if (pgCode(error) === '23505') {
      throw new PluginRuleError('conflict', 'legal-education.themed_day_taken', { field: 'themedDay' });
    }
    throw error;
  }
  if (!row) throw new Error('insert into legal_education_event returned no row');
  const event = toEvent(row);
  await db.audit({
    action: 'legal-education.event.recorded',
    objectType: 'legal_education_event',
    objectId: event.id,
    after: event,
  });
  return event;
}

/**
 * Corrects an event of the unit, keeping the one-themed-day-a-month rule; the audit entry holds
 * the event before and after.
 */
export async function updateEvent(
  db: PluginDb,
  request: z.input<typeof ZUpdateEventRequest>,
): Promise<{ before: EducationEvent; event: EducationEvent }> {
  const { id, organisationId, ...e } = ZUpdateEventRequest.parse(request);
  const [before] = await db.query<EventRow>(sql`
    select ${COLUMNS} from legal_education_event where id = ${id} and organisation_id = ${organisationId}`);
  if (!before) throw new PluginRuleError('not-found', 'legal-education.event_not_found', { field: 'id' });
  let row: EventRow | undefined;
  try {
    [row] = await db.query<EventRow>(sql`
      update legal_education_event set held_on = ${e.heldOn}, event_type = ${e.eventType}, theme = ${e.theme},
        title = ${e.title}, venue = ${e.venue}, audience = ${e.audience}, attendance = ${e.attendance},
        materials = ${e.materials}, campaign = ${e.campaign ?? null}, themed_day = ${e.themedDay}
      where id = ${id} and organisation_id = ${organisationId}
      returning ${COLUMNS}`);
  } catch (error) {
    if (pgCode(error) === '23505') {
      throw new PluginRuleError('conflict', 'legal-education.themed_day_taken', { field: 'themedDay' });
    }
    throw error;
  }
  if (!row) throw new Error('update of legal_education_event returned no row');
  const event = toEvent(row);
  await db.audit({
    action: 'legal-education.event.updated',
    objectType: 'legal_education_event',
    objectId: id,
    before: toEvent(before),
    after: event,
  });
  // The caller moves the event in the statistics from what it was to what it is.
  return { before: toEvent(before), event };
}

/** 法治宣传活动: an event held counts with its attendance at its unit, in its month, by event type. */
export const educationEventFact = (
  event: Pick<EducationEvent, 'organisationId' | 'heldOn' | 'eventType' | 'attendance'>,
): ActivityFact => ({
  organisationId: event.organisationId,
  at: event.heldOn,
  value: event.eventType,
  amount: event.attendance,
});

/** Every event held, as the statistics count them (the roll-ups' recount). */
export async function educationEventFacts(db: PluginDb): Promise<ActivityFact[]> {
  const rows = await db.query<{
    organisation_id: string;
    held_on: string;
    event_type: string;
    attendance: number;
  }>(sql`
    select organisation_id, held_on::text as held_on, event_type, attendance from legal_education_event`);
  return rows.map((r) => ({
    organisationId: r.organisation_id,
    at: r.held_on,
    value: r.event_type,
    amount: Number(r.attendance),
  }));
}

/** The events of some units in a period, by date. */
export async function listEvents(
  db: PluginDb,
  query: { organisationIds: readonly string[]; from: string; to: string },
): Promise<EducationEvent[]> {
  const rows = await db.query<EventRow>(sql`
    select ${COLUMNS} from legal_education_event
    where organisation_id = any(${query.organisationIds}::uuid[]) and held_on between ${query.from} and ${query.to}
    order by held_on, recorded_at`);
  return rows.map(toEvent);
}

/** The months (`YYYY-MM`) a period touches. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let [year, month] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    if (label > last) return months;
    months.push(label);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

const total = (events: readonly EducationEvent[]): Totals => ({
  events: events.length,
  attendance: events.reduce((sum, e) => sum + e.attendance, 0),
  materials: events.reduce((sum, e) => sum + e.materials, 0),
});

function groupTotals<K extends string>(
  events: readonly EducationEvent[],
  key: (e: EducationEvent) => string | undefined,
  name: K,
) {
  const groups = new Map<string, EducationEvent[]>();
  for (const e of events) {
    const k = key(e);
    if (k !== undefined) groups.set(k, [...(groups.get(k) ?? []), e]);
  }
  return [...groups.entries()]
    .map(([k, list]) => ({ [name]: k, ...total(list) }) as Totals & Record<K, string>)
    .sort((a, b) => b.attendance - a.attendance || a[name].localeCompare(b[name]));
}

/**
 * The publicity report of a period (活动统计): events, attendance and materials in all and by
 * theme, type, campaign and unit, and which service points missed their monthly themed day.
 */
export function campaignReport(
  events: readonly EducationEvent[],
  period: { from: string; to: string },
  servicePoints: readonly string[],
): CampaignReport {
  const themed = new Set(
    events.filter((e) => e.themedDay).map((e) => `${e.organisationId}|${e.heldOn.slice(0, 7)}`),
  );
  return {
    ...period,
    totals: total(events),
    byTheme: groupTotals(events, (e) => e.theme, 'theme'),
    byEventType: groupTotals(events, (e) => e.eventType, 'eventType'),
    byCampaign: groupTotals(events, (e) => e.campaign, 'campaign'),
    byOrganisation: groupTotals(events, (e) => e.organisationId, 'organisationId'),
    missingThemedDays: servicePoints.flatMap((organisationId) =>
      monthsOf(period.from, period.to)
        .filter((month) => !themed.has(`${organisationId}|${month}`))
        .map((month) => ({ organisationId, month })),
    ),
  };
}
