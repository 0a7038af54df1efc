import { proxyActivities } from '@temporalio/workflow';
import type { StatisticsReportActivities } from './activities.ts';
import type { StatisticsReportInput, StatisticsReportResult } from './definitions.ts';

// The workflow may start before the request that queued the report has committed: the activity
// then fails ("not visible yet") and is retried within a second or two. A request that rolled
// back never becomes visible, and the run gives up after ten minutes.
const { makeStatisticsReport } = proxyActivities<StatisticsReportActivities>({
  startToCloseTimeout: '10 minutes',
  scheduleToCloseTimeout: '10 minutes',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Makes one statistics report's workbook and PDF in the background; progress is on the report row. */
export async function statisticsReportWorkflow(
  input: StatisticsReportInput,
): Promise<StatisticsReportResult> {
  return makeStatisticsReport(input);
}
