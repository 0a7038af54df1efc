import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import type { TenantRunInput } from '../schedules/definitions.ts';
import type { PluginScheduleActivities } from './activities.ts';
import type { PluginActivityCall, PluginDailyRunResult } from './definitions.ts';

const { listDailyPluginActivities } = proxyActivities<PluginScheduleActivities>({
  startToCloseTimeout: '10 seconds',
});

// Like the platform's own scheduled runs: keep trying for a few hours, then wait for tomorrow's.
// The plugins' activities are keyed by their registered names (`mediation.…`), known only at run time.
const plugins = proxyActivities<Record<string, PluginActivityCall>>({
  startToCloseTimeout: '10 minutes',
  scheduleToCloseTimeout: '6 hours',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

/**
 * Started every morning by the `plugins:<tenantId>` schedule: runs each installed plugin's daily
 * activity for the district, side by side; one plugin failing does not stop the others.
 */
export async function pluginDailyWorkflow(input: TenantRunInput): Promise<PluginDailyRunResult> {
  const names = await listDailyPluginActivities();
  const outcomes = await Promise.allSettled(
    names.map((name) => (plugins[name] as PluginActivityCall)({ tenantId: input.tenantId })),
  );
  const result: PluginDailyRunResult = { ran: [], failed: [] };
  outcomes.forEach((outcome, index) => {
    const name = names[index] as string;
    if (outcome.status === 'fulfilled') result.ran.push({ name, result: outcome.value });
    else {
      const error = outcome.reason;
      const cause = error instanceof ActivityFailure ? error.cause : error;
      result.failed.push({ name, message: cause instanceof Error ? cause.message : String(cause) });
    }
  });
  return result;
}
