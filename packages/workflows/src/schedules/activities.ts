import type {
  DutyReminderRunResult,
  EscalationRunResult,
  LateReportsRunResult,
  SweepRunResult,
  TenantRunInput,
} from './definitions.ts';

/** What the scheduled activities need from the outside world (the worker wires the database). */
export interface ScheduledActivityDeps {
  escalateTimeLimits(input: TenantRunInput): Promise<EscalationRunResult>;
  sweepLastMonth(input: TenantRunInput): Promise<SweepRunResult>;
  remindTomorrowsDuty(input: TenantRunInput): Promise<DutyReminderRunResult>;
  alertLateReports(input: TenantRunInput): Promise<LateReportsRunResult>;
}

/**
 * Scheduled activities over injected dependencies. All are idempotent by construction (an
 * escalation is raised once per case, level and due date; a month is swept into one review; a
 * duty reminder is sent once per slot and day, a city's late-reports alert once per month), so
 * Temporal may retry them freely.
 */
export function createScheduledActivities(deps: ScheduledActivityDeps) {
  return {
    async runTimeLimitEscalation(input: TenantRunInput): Promise<EscalationRunResult> {
      return deps.escalateTimeLimits(input);
    },
    async runMonthlySweep(input: TenantRunInput): Promise<SweepRunResult> {
      return deps.sweepLastMonth(input);
    },
    async runDutyReminders(input: TenantRunInput): Promise<DutyReminderRunResult> {
      return deps.remindTomorrowsDuty(input);
    },
    async runLateReportsAlert(input: TenantRunInput): Promise<LateReportsRunResult> {
      return deps.alertLateReports(input);
    },
  };
}

export type ScheduledActivities = ReturnType<typeof createScheduledActivities>;
