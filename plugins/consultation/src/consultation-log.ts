import { type ActivityFact, type PluginDb, sql } from '@linju/plugin-sdk';
import { z } from 'zod';
import { CONSULTATION_CHANNELS, FOLLOW_UPS } from './vocabulary.ts';

export const ZLogConsultationRequest = z
  .object({
    caseId: z.uuid(),
    channel: z.enum(CONSULTATION_CHANNELS),
    topic: z.string().trim().min(2).max(100),
    adviserName: z.string().trim().min(1).max(50),
    heldAt: z.coerce.date(),
    durationMinutes: z.int().min(1).max(600),
    answer: z.string().trim().min(2).max(8000),
    followUp: z.enum(FOLLOW_UPS).default('none'),
    followUpNote: z.string().trim().min(2).max(1000).optional(),
  })
  .refine((log) => log.followUp === 'none' || log.followUpNote, {
    path: ['followUpNote'],
    message: 'consultation.follow_up_note_required',
  });

export type ConsultationLog = Omit<z.output<typeof ZLogConsultationRequest>, 'heldAt'> & {
  id: string;
  organisationId: string;
  heldAt: string;
};

/** Duration statistics of one channel (or of all). */
export type DurationStatistics = {
  consultations: number;
  totalMinutes: number;
  averageMinutes: number;
  /** The middle duration: half took at most this long. */
  medianMinutes: number;
  longestMinutes: number;
};

/** Writes one answer given on a consultation case into the log. */
export async function logConsultation(
  db: PluginDb,
  request: z.input<typeof ZLogConsultationRequest>,
  organisationId: string,
  recordedBy: string,
): Promise<ConsultationLog> {
  const log = ZLogConsultationRequest.parse(request);
  const [row] = await db.query<{ id: string }>(sql`
    insert into consultation_log (tenant_id, case_id, organisation_id, channel, topic, adviser_name, held_at,
      duration_minutes, answer, follow_up, follow_up_note, recorded_by)
    values (${db.tenantId}, ${log.caseId}, ${organisationId}, ${log.channel}, ${log.topic}, ${log.adviserName},
      ${log.heldAt.toISOString()}, ${log.durationMinutes}, ${log.answer}, ${log.followUp}, ${log.followUpNote ?? null}, ${recordedBy})
    returning id`);
  return { ...log, id: row?.id ?? '', organisationId, heldAt: log.heldAt.toISOString() };
}

/** 咨询时长: a consultation logged counts its minutes at its unit, by channel (热线 = `hotline`). */
export const consultationFact = (
  log: Pick<ConsultationLog, 'organisationId' | 'heldAt' | 'channel' | 'durationMinutes'>,
): ActivityFact => ({
  organisationId: log.organisationId,
  at: new Date(log.heldAt),
  value: log.channel,
  amount: log.durationMinutes,
});

/** Every consultation logged, as the statistics count them (the roll-ups' recount). */
export async function consultationFacts(db: PluginDb): Promise<ActivityFact[]> {
  const rows = await db.query<{
    organisation_id: string;
    held_at: string;
    channel: string;
    duration_minutes: number;
  }>(sql`
    select organisation_id, to_json(held_at) #>> '{}' as held_at, channel, duration_minutes from consultation_log`);
  return rows.map((r) =>
    consultationFact({
      organisationId: r.organisation_id,
      heldAt: r.held_at,
      channel: r.channel as ConsultationLog['channel'],
      durationMinutes: Number(r.duration_minutes),
    }),
  );
}

/** The log entries of a case, oldest first. */
export async function logOfCase(db: PluginDb, caseId: string): Promise<ConsultationLog[]> {
  const rows = await db.query<Record<string, unknown>>(sql`
    select id, case_id, organisation_id, channel, topic, adviser_name, to_json(held_at) #>> '{}' as held_at,
      duration_minutes, answer, follow_up, follow_up_note
    from consultation_log where case_id = ${caseId} order by held_at`);
  return rows.map((r) => ({
    id: r.id as string,
    caseId: r.case_id as string,
    organisationId: r.organisation_id as string,
    channel: r.channel as ConsultationLog['channel'],
    topic: r.topic as string,
    adviserName: r.adviser_name as string,
    heldAt: r.held_at as string,
    durationMinutes: r.duration_minutes as number,
    answer: r.answer as string,
    followUp: r.follow_up as ConsultationLog['followUp'],
    ...(r.follow_up_note ? { followUpNote: r.follow_up_note as string } : {}),
  }));
}

/** Count, total, mean (to a tenth of a minute), median and longest of some durations. */
export function durationStatistics(minutes: readonly number[]): DurationStatistics {
  if (minutes.length === 0) {
    return { consultations: 0, totalMinutes: 0, averageMinutes: 0, medianMinutes: 0, longestMinutes: 0 };
  }
  const sorted = [...minutes].sort((a, b) => a - b);
  const total = sorted.reduce((sum, m) => sum + m, 0);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return {
    consultations: sorted.length,
    totalMinutes: total,
    averageMinutes: Math.round((total / sorted.length) * 10) / 10,
    medianMinutes: median,
    longestMinutes: sorted[sorted.length - 1] ?? 0,
  };
}

/**
 * Duration statistics of the units' consultations in a period, in all and per channel (the
 * figures the seeds report: "546 online services, 3,178 minutes").
 */
export async function consultationStatistics(
  db: PluginDb,
  query: { organisationIds: readonly string[]; from: Date; to: Date },
): Promise<{
  all: DurationStatistics;
  byChannel: Record<(typeof CONSULTATION_CHANNELS)[number], DurationStatistics>;
}> {
  const rows = await db.query<{ channel: (typeof CONSULTATION_CHANNELS)[number]; minutes: number }>(sql`
    select channel, duration_minutes as minutes from consultation_log
    where organisation_id = any(${query.organisationIds}::uuid[])
      and held_at >= ${query.from.toISOString()} and held_at < ${query.to.toISOString()}`);
  const of = (channel?: string) =>
    durationStatistics(rows.filter((r) => !channel || r.channel === channel).map((r) => r.minutes));
  return {
    all: of(),
    byChannel: Object.fromEntries(CONSULTATION_CHANNELS.map((c) => [c, of(c)])) as Record<
      (typeof CONSULTATION_CHANNELS)[number],
      DurationStatistics
    >,
  };
}
