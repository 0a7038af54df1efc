import type { StatisticsReportInput, StatisticsReportResult } from './definitions.ts';

/** What the report activity needs from the outside world (the worker wires the database). */
export interface StatisticsReportActivityDeps {
  makeReport(input: StatisticsReportInput): Promise<StatisticsReportResult>;
}

/**
 * The report activity over injected dependencies. Idempotent: a report already made is skipped,
 * and a retry after a crash takes over the report its own attempt left running.
 */
export function createStatisticsReportActivities(deps: StatisticsReportActivityDeps) {
  return {
    async makeStatisticsReport(input: StatisticsReportInput): Promise<StatisticsReportResult> {
      return deps.makeReport(input);
    },
  };
}

export type StatisticsReportActivities = ReturnType<typeof createStatisticsReportActivities>;
