/** What a statistics report run gets: the district and the queued report. */
export type StatisticsReportInput = { tenantId: string; reportId: string };

export type StatisticsReportResult = { reportId: string; outcome: 'done' | 'failed' | 'skipped' };

/**
 * A report's workflow id: `statistics-report:<tenant>:<id>`. A business key: starting the same
 * report twice is refused by Temporal, and any process can find the run from the report row.
 */
export function statisticsReportWorkflowId(tenantId: string, reportId: string): string {
  for (const [name, value] of [
    ['tenantId', tenantId],
    ['reportId', reportId],
  ] as const) {
    if (value === '' || value.includes(':')) {
      throw new Error(
        `statisticsReportWorkflowId: ${name} must be non-empty and contain no ':' (got '${value}')`,
      );
    }
  }
  return `statistics-report:${tenantId}:${reportId}`;
}
