import {
  listStatisticsReports,
  REPORT_FORMATS,
  readStatisticsReport,
  requestStatisticsReport,
  runQueuedReports,
  ZReportRequest,
} from '@linju/core';
import type { Database } from '@linju/db';
import { pluginRegistry } from '@linju/plugins';
import {
  REFERRAL_TASK_QUEUE,
  type StatisticsReportInput,
  type statisticsReportWorkflow,
  statisticsReportWorkflowId,
} from '@linju/workflows';
import { z } from 'zod';
import { type Logger, permittedProcedure, type TenantSession } from '../../trpc.ts';

/**
 * Without a workflow engine, this process makes the tenant's queued reports — in the background,
 * once the request committed: from inside its transaction the work would need a second
 * connection of the pool (refused: it can deadlock) and could not see the new report yet.
 */
function runQueuedReportsAfterCommit(
  ctx: Pick<TenantSession, 'afterCommit' | 'tenantId'> & { db: Database; log: Logger },
) {
  ctx.afterCommit({
    name: 'make queued statistics reports',
    run: async () => {
      runQueuedReports(ctx.db, ctx.tenantId, pluginRegistry.plugins).catch((error: unknown) =>
        ctx.log.error({ err: error }, 'statistics reports failed'),
      );
    },
  });
}

/**
 * Queues a monthly/quarterly/yearly report (workbook and PDF) and has it made in the background:
 * by its Temporal workflow on the worker (id = business key; started inside the request's
 * transaction, so a failed start rolls the request back, and the activity retries until the
 * request has committed), or in this process when no workflow engine is configured.
 * Progress shows on `statistics.report.getMany`.
 */
export const createReport = permittedProcedure('statistics.read')
  .input(ZReportRequest)
  .mutation(async ({ ctx, input }) => {
    const report = await requestStatisticsReport(ctx.tx, ctx.actor, input);
    if (ctx.temporal) {
      const args: [StatisticsReportInput] = [{ tenantId: ctx.tenantId, reportId: report.id }];
      await ctx.temporal.client.workflow.start<typeof statisticsReportWorkflow>('statisticsReportWorkflow', {
        taskQueue: ctx.temporal.taskQueue ?? REFERRAL_TASK_QUEUE,
        workflowId: statisticsReportWorkflowId(ctx.tenantId, report.id),
        args,
      });
      return report;
    }
    runQueuedReportsAfterCommit(ctx);
    return report;
  });

/**
 * One's reports with their progress. Without a workflow engine, reports left queued (e.g. by a
 * restart) are picked up again here; with one, their workflows carry on by themselves.
 */
export const getReports = permittedProcedure('statistics.read').query(async ({ ctx }) => {
  const reports = await listStatisticsReports(ctx.tx, ctx.actor);
  if (!ctx.temporal && reports.some((r) => r.status === 'queued')) runQueuedReportsAfterCommit(ctx);
  return reports;
});

/** A finished report's workbook or PDF, base64, for the admin app's download route. */
export const downloadReport = permittedProcedure('statistics.read')
  .input(z.object({ id: z.uuid(), format: z.enum(REPORT_FORMATS).default('xlsx') }))
  .query(async ({ ctx, input }) => {
    const file = await readStatisticsReport(ctx.tx, ctx.actor, input);
    return {
      fileName: file.fileName,
      contentType: file.contentType,
      contentBase64: Buffer.from(file.content).toString('base64'),
    };
  });
