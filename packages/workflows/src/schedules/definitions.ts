/**
 * A tenant's recurring work, one Temporal schedule each per tenant: ids are business keys
 * (`escalation:<tenantId>`, `sweep:<tenantId>`, `roster:<tenantId>`, `plugins:<tenantId>`, and a
 * city bureau's `late-reports:<tenantId>`), so creating them again is refused by Temporal and
 * any process can find a tenant's schedule from its id. `bureau` says which tenants have it: a
 * district (which takes cases) or a city bureau (which sees its districts' figures).
 */
export const TENANT_SCHEDULES = {
  /** 超期预警: every day at 07:00 local time, cases due soon and overdue are escalated. */
  escalation: {
    workflowType: 'timeLimitEscalationWorkflow',
    calendar: { hour: 7, minute: 0 },
    bureau: 'district',
  },
  /** 每月18日主动排查: on the 18th at 08:00 local time, last month's matters are swept. */
  sweep: {
    workflowType: 'monthlySweepWorkflow',
    calendar: { dayOfMonth: 18, hour: 8, minute: 0 },
    bureau: 'district',
  },
  /**
   * 值班提醒: every day at 17:00 local time, the staff on tomorrow's duty slots are told, and the
   * residents booked for tomorrow are reminded (预约提醒).
   */
  roster: {
    workflowType: 'dutyReminderWorkflow',
    calendar: { hour: 17, minute: 0 },
    bureau: 'district',
  },
  /** The plugins' daily work (e.g. mediation's lapsed judicial-confirmation windows), every day at 06:00 local time. */
  plugins: {
    workflowType: 'pluginDailyWorkflow',
    calendar: { hour: 6, minute: 0 },
    bureau: 'district',
  },
  /**
   * 未报送提醒: on the 28th at 09:00 local time (every district's chosen sending day has passed),
   * the city bureau's administrators hear which districts have not reported last month.
   */
  'late-reports': {
    workflowType: 'lateReportsWorkflow',
    calendar: { dayOfMonth: 28, hour: 9, minute: 0 },
    bureau: 'city',
  },
} as const;
export type TenantScheduleKind = keyof typeof TENANT_SCHEDULES;

export function tenantScheduleId(kind: TenantScheduleKind, tenantId: string): string {
  if (tenantId === '' || tenantId.includes(':')) {
    throw new Error(`tenantScheduleId: tenantId must be non-empty and contain no ':' (got '${tenantId}')`);
  }
  return `${kind}:${tenantId}`;
}

/** What a scheduled workflow gets: the district only; the activity works out its local date. */
export type TenantRunInput = { tenantId: string };

export type EscalationRunResult = { today: string; dueSoon: number; overdue: number; notified: number };
export type SweepRunResult = {
  month: string;
  created: boolean;
  reviewId: string;
  findings: number;
  /** The month's statistics report, queued with a new review and made by the same activity. */
  reportId?: string;
};

/**
 * What a duty-reminder run did: tomorrow's local date, its slots, the staff newly told, and the
 * residents with an appointment that day newly reminded by SMS.
 */
export type DutyReminderRunResult = {
  day: string;
  slots: number;
  notified: number;
  residentsReminded?: number;
};

/** What a late-reports run did: last month, the districts without its report, the administrators newly told. */
export type LateReportsRunResult = { month: string; late: string[]; notified: number };
