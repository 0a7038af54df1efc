import type { AppCaller } from '@linju/api';
import { intakeCase, systemActor } from '@linju/core';
import { createTestDistrict, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import { eq, schema, withTenant } from '@linju/db';
import { type StatisticsReportResult, statisticsReportWorkflowId } from '@linju/workflows';
import { beforeAll, describe, expect, it } from 'vitest';
import { createScheduledRunActivities } from './activities.ts';
import { districtAdminCaller } from './testing/district-admin-caller.ts';
import { useLiveWorker } from './testing/live-worker.ts';

/**
 * Statistics reports made in the background by their Temporal workflow on the worker: asked for
 * through the API (as the server wires it), made by the real worker, read back through the API.
 */
const live = useLiveWorker('reports');
const { box, context } = live;
let d: TestDistrict;
let admin: AppCaller;
const month = new Date().toISOString().slice(0, 7);

beforeAll(async () => {
  d = await createTestDistrict(live.app.db, box, 'report-wf');
  await withTenant(live.app.db, d.tenantId, async (tx) => {
    for (let i = 0; i < 3; i++)
      await intakeCase(tx, systemActor(d.tenantId), box, {
        channel: 'walk-in',
        organisationId: d.organisations.stationA,
        serviceType: TEST_SERVICE,
        description: `后台报表第${i}件`,
        resident: { name: `居民${i}`, phone: `137${String(20_000_000 + i).slice(-8)}` },
      });
  });
  admin = await districtAdminCaller(context, d);
});

describe('statistics reports in the background', () => {
  it('are made by their workflow on the worker, with progress, and offer the workbook and the PDF', async () => {
    const { id } = await admin.statistics.report.create({
      period: month,
      organisationId: d.organisations.stationA,
    });
    const result = (await live.client.workflow
      .getHandle(statisticsReportWorkflowId(d.tenantId, id))
      .result()) as StatisticsReportResult;
    expect(result).toEqual({ reportId: id, outcome: 'done' });
    const [listed] = await admin.statistics.report.getMany();
    expect(listed).toMatchObject({ id, status: 'done', progress: 100 });

    const xlsx = await admin.statistics.report.download({ id });
    // A zip (XLSX); its figures are checked against the dashboard in core's report test.
    expect(Buffer.from(xlsx.contentBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    const pdf = await admin.statistics.report.download({ id, format: 'pdf' });
    expect(pdf.contentType).toBe('application/pdf');
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('the monthly sweep makes the month’s report it links', async () => {
    const sweep = createScheduledRunActivities(live.app.db);
    const run = await sweep.runMonthlySweep({ tenantId: d.tenantId });
    expect(run.created).toBe(true);
    const [report] = await withTenant(live.app.db, d.tenantId, (tx) =>
      tx
        .select({ status: schema.statisticsReport.status, requestedBy: schema.statisticsReport.requestedBy })
        .from(schema.statisticsReport)
        .where(eq(schema.statisticsReport.id, run.reportId as string)),
    );
    expect(report).toEqual({ status: 'done', requestedBy: null });
    // Made by the system, readable by whoever reads the whole district (the bureau admin here).
    const listed = await admin.statistics.report.getMany();
    expect(listed.map((r) => r.id)).toContain(run.reportId);
    const pdf = await admin.statistics.report.download({ id: run.reportId as string, format: 'pdf' });
    const [year, monthOfYear] = String(run.month).split('-');
    expect(pdf.fileName).toBe(`统计月报-${year}年${Number(monthOfYear)}月.pdf`);
  });
});
