import { proxyActivities } from '@temporalio/workflow';
import type { ScheduledActivities } from './activities.ts';
import type {
  DutyReminderRunResult,
  EscalationRunResult,
  LateReportsRunResult,
  SweepRunResult,
  TenantRunInput,
} from './definitions.ts';

// A run that cannot reach the database keeps trying for a few hours, then gives up until the
// next scheduled run; the work is idempotent, so a late or repeated run is harmless.
const { runTimeLimitEscalation, runMonthlySweep, runDutyReminders, runLateReportsAlert } =
  proxyActivities<ScheduledActivities>({
    startToCloseTimeout: '10 minutes',
    scheduleToCloseTimeout: '6 hours',
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
  });

/** Started daily by the `escalation:<tenantId>` schedule. */
export async function timeLimitEscalationWorkflow(input: TenantRunInput): Promise<EscalationRunResult> {
  return runTimeLimitEscalation(input);
}

/** Started on the 18th by the `sweep:<tenantId>` schedule. */
export async function monthlySweepWorkflow(input: TenantRunInput): Promise<SweepRunResult> {
  return runMonthlySweep(input);
}

/** Started daily by the `roster:<tenantId>` schedule: reminds the staff on tomorrow's duty slots. */
export async function dutyReminderWorkflow(input: TenantRunInput): Promise<DutyReminderRunResult> {
  return runDutyReminders(input);
}

/** Started on the 28th by a city bureau's `late-reports:<tenantId>` schedule. */
export async function lateReportsWorkflow(input: TenantRunInput): Promise<LateReportsRunResult> {
  return runLateReportsAlert(input);
}
