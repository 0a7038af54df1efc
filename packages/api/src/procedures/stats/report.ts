import {
  listStatisticsReports,
  readStatisticsReport,
  requestStatisticsReport,
  runQueuedReports,
  runReportsWhenCommitted,
  ZReportRequest,
} from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/**
 * Queues a monthly/quarterly/yearly report and starts making it in this process once the request
 * has committed; progress shows on `stats.report.getMany`.
 */
export const createReport = permittedProcedure('statistics.read')
  .input(ZReportRequest)
  .mutation(async ({ ctx, input }) => {
    const report = await requestStatisticsReport(ctx.tx, ctx.actor, input);
    runReportsWhenCommitted(ctx.db, ctx.tenantId, report.id).catch((error: unknown) =>
      ctx.log.error({ err: error, reportId: report.id }, 'statistics report failed'),
    );
    return report;
  });

/** One's reports with their progress; reports left queued (e.g. by a restart) are picked up again. */
export const getReports = permittedProcedure('statistics.read').query(async ({ ctx }) => {
  const reports = await listStatisticsReports(ctx.tx, ctx.actor);
  if (reports.some((r) => r.status === 'queued')) {
    runQueuedReports(ctx.db, ctx.tenantId).catch((error: unknown) =>
      ctx.log.error({ err: error }, 'statistics reports failed'),
    );
  }
  return reports;
});

/** A finished report's workbook, base64, for the admin app's download route. */
export const downloadReport = permittedProcedure('statistics.read')
  .input(z.object({ id: z.uuid() }))
  .query(async ({ ctx, input }) => {
    const file = await readStatisticsReport(ctx.tx, ctx.actor, input);
    return { fileName: file.fileName, contentBase64: Buffer.from(file.content).toString('base64') };
  });
