import { ActivityFailure, ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CityStatisticsActivities } from './city-statistics-activities.ts';
import {
  CITY_STATISTICS_REFUSED_FAILURE,
  type CityStatisticsRunInput,
  type CityStatisticsRunResult,
} from './city-statistics-definitions.ts';

const { queueMonthlyCityStatistics, abandonCityStatistics } = proxyActivities<CityStatisticsActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes' },
});

// “Send now” starts the run inside its request's transaction: wait (briefly, often) until the
// sending has committed; a request that rolled back never shows it, and the run gives up.
const { awaitCityStatisticsSend } = proxyActivities<CityStatisticsActivities>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '10 minutes',
  retry: { initialInterval: '300 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

// The city's node may be away for a while (maintenance, a network cut): keep trying with back-off
// for three days, then record the sending as failed. A final refusal (4xx) is not retried.
const { deliverCityStatistics } = proxyActivities<CityStatisticsActivities>({
  startToCloseTimeout: '2 minutes',
  scheduleToCloseTimeout: '3 days',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumInterval: '1 hour',
    nonRetryableErrorTypes: [CITY_STATISTICS_REFUSED_FAILURE],
  },
});

/**
 * Sends one month of the district's statistics to its city: the schedule's run queues last
 * month first (its workflow id, unique per scheduled action, keeps a retried queueing to one
 * sending); a “send now” run gets its sending queued by the request.
 */
export async function cityStatisticsWorkflow(
  input: CityStatisticsRunInput,
): Promise<CityStatisticsRunResult> {
  let sendId = input.sendId;
  if (sendId) {
    try {
      await awaitCityStatisticsSend({ tenantId: input.tenantId, sendId });
    } catch {
      return { sendId, outcome: 'failed' };
    }
  } else {
    const queued = await queueMonthlyCityStatistics({
      tenantId: input.tenantId,
      requestKey: workflowInfo().workflowId,
    });
    if (!queued) return { sendId: null, outcome: 'not-set' };
    sendId = queued.sendId;
  }
  try {
    const delivered = await deliverCityStatistics({ tenantId: input.tenantId, sendId });
    return { sendId, outcome: 'delivered', receipt: delivered.receipt };
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type === CITY_STATISTICS_REFUSED_FAILURE)
      return { sendId, outcome: 'refused' };
    await abandonCityStatistics({
      tenantId: input.tenantId,
      sendId,
      error: `gave up retrying: ${cause?.message ?? (error instanceof Error ? error.message : String(error))}`,
    });
    return { sendId, outcome: 'failed' };
  }
}
