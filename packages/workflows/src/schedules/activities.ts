import type { EscalationRunResult, SweepRunResult, TenantRunInput } from './definitions.ts';

/** What the scheduled activities need from the outside world (the worker wires the database). */
export interface ScheduledActivityDeps {
  escalateTimeLimits(input: TenantRunInput): Promise<EscalationRunResult>;
  sweepLastMonth(input: TenantRunInput): Promise<SweepRunResult>;
}

/**
 * Scheduled activities over injected dependencies. Both are idempotent by construction (an
 * escalation is raised once per case, level and due date; a month is swept into one review), so
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
  };
}

export type ScheduledActivities = ReturnType<typeof createScheduledActivities>;
