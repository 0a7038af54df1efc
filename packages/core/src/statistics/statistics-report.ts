import { randomUUID } from 'node:crypto';
import { type Database, desc, eq, schema, sql, type TenantTx, withTenant } from '@linju/db';
import { channelLabel, keyGroupLabel, serviceLabel } from '@linju/i18n';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { type Actor, auditActor, systemActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { type Figures, getStatistics, type Statistics, ZPeriodKey } from './statistics-query.ts';

export const ZReportRequest = z.object({
  /** A month (`2026-03`), quarter (`2026-Q1`) or year (`2026`). */
  period: ZPeriodKey,
  organisationId: z.uuid().nullish(),
});

/**
 * Asks for a statistics report (月报/季报). The figures are read with the requester's rights now,
 * so a report never shows more than its requester may see; the workbook is made in the background
 * (`runQueuedReports`) and its progress is on the row.
 */
export async function requestStatisticsReport(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZReportRequest>,
) {
  const input = ZReportRequest.parse(request);
  // Checks the scope and the period exactly as the dashboard does (and refuses the same way).
  const stats = await getStatistics(tx, actor, {
    period: input.period,
    organisationId: input.organisationId,
  });
  const id = randomUUID();
  await tx.insert(schema.statisticsReport).values({
    tenantId: actor.tenantId,
    id,
    period: stats.period.kind,
    startsOn: stats.period.from,
    organisationId: stats.organisationId,
    requestedBy: actor.id,
  });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'statistics.report_requested',
    objectType: 'statistics_report',
    objectId: id,
    after: { period: input.period, organisationId: stats.organisationId },
  });
  return { id, status: 'queued' as const };
}

const listed = {
  id: schema.statisticsReport.id,
  period: schema.statisticsReport.period,
  startsOn: schema.statisticsReport.startsOn,
  organisationId: schema.statisticsReport.organisationId,
  status: schema.statisticsReport.status,
  progress: schema.statisticsReport.progress,
  error: schema.statisticsReport.error,
  fileName: schema.statisticsReport.fileName,
  requestedAt: schema.statisticsReport.requestedAt,
  finishedAt: schema.statisticsReport.finishedAt,
};

/** The reports one has asked for, newest first (without their bytes). */
export async function listStatisticsReports(tx: TenantTx, actor: Actor) {
  const mine = actor.id === null ? sql`true` : eq(schema.statisticsReport.requestedBy, actor.id);
  return tx
    .select(listed)
    .from(schema.statisticsReport)
    .where(mine)
    .orderBy(desc(schema.statisticsReport.requestedAt))
    .limit(50);
}

/** A finished report's workbook, for its requester. */
export async function readStatisticsReport(tx: TenantTx, actor: Actor, input: { id: string }) {
  const [row] = await tx
    .select()
    .from(schema.statisticsReport)
    .where(eq(schema.statisticsReport.id, input.id));
  if (!row || (actor.id !== null && row.requestedBy !== actor.id))
    throw new DomainError('not-found', 'statistics.report_not_found', { field: 'id' });
  if (row.status !== 'done' || !row.content)
    throw new DomainError('conflict', 'statistics.report_not_ready', { field: 'id' });
  return { fileName: row.fileName ?? 'report.xlsx', content: row.content };
}

const periodKey = (period: schema.ReportPeriod, startsOn: string) =>
  period === 'year'
    ? startsOn.slice(0, 4)
    : period === 'quarter'
      ? `${startsOn.slice(0, 4)}-Q${Math.floor((Number(startsOn.slice(5, 7)) - 1) / 3) + 1}`
      : startsOn.slice(0, 7);

const HEADINGS = [
  '受理',
  '办结',
  '按时办结',
  '按时办结率',
  '平均办理天数',
  '结案',
  '撤回/不予受理',
  '已反馈',
  '已评价',
  '平均满意度',
  '满意率',
];
const figureCells = (f: Figures) => [
  f.received,
  f.resolved,
  f.resolvedOnTime,
  f.onTimeRate,
  f.averageResolutionDays === null ? null : Math.round(f.averageResolutionDays * 10) / 10,
  f.closed,
  f.ended,
  f.feedback,
  f.rated,
  f.averageScore === null ? null : Math.round(f.averageScore * 100) / 100,
  f.satisfactionRate,
];

/** The dashboard's figures as a workbook: a summary sheet and one sheet per breakdown, in Chinese. */
export async function statisticsWorkbook(stats: Statistics, title: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Linju 邻居';
  book.created = new Date(0); // no time in the file: the same figures make the same workbook
  const sheet = (name: string, first: string, rows: [string, Figures][]) => {
    const ws = book.addWorksheet(name);
    ws.addRow([title]).font = { bold: true, size: 14 };
    ws.addRow([first, ...HEADINGS]).font = { bold: true };
    for (const [label, f] of rows) ws.addRow([label, ...figureCells(f)]);
    for (const c of [5, 12]) ws.getColumn(c).numFmt = '0.0%';
    ws.getColumn(1).width = 28;
    for (let c = 2; c <= HEADINGS.length + 1; c++) ws.getColumn(c).width = 12;
    return ws;
  };
  sheet('汇总', '项目', [['合计', stats.totals]]);
  sheet(
    '按单位',
    '单位',
    stats.byOrganisation.map((u) => [`${u.nameZh}${u.own ? '（本级）' : ''}`, u]),
  );
  sheet(
    '按月份',
    '月份',
    stats.byMonth.map((m) => [m.month.slice(0, 7), m]),
  );
  sheet(
    '按服务',
    '服务',
    stats.byService.map((s) => [serviceLabel('zh-CN', s.key), s]),
  );
  sheet(
    '按渠道',
    '渠道',
    stats.byChannel.map((s) => [channelLabel('zh-CN', s.key), s]),
  );
  sheet(
    '按类别',
    '类别',
    stats.byCategory.map((s) => {
      const [service = '', category = ''] = s.key.split(':');
      return [`${serviceLabel('zh-CN', service)} · ${category}`, s];
    }),
  );
  sheet(
    '按重点人群',
    '重点人群',
    stats.byKeyGroup.map((s) => [keyGroupLabel('zh-CN', s.key), s]),
  );
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function setProgress(
  db: Database,
  tenantId: string,
  id: string,
  values: Partial<typeof schema.statisticsReport.$inferInsert>,
) {
  await withTenant(db, tenantId, (tx) =>
    tx.update(schema.statisticsReport).set(values).where(eq(schema.statisticsReport.id, id)),
  );
}

/**
 * Makes the workbooks of a tenant's queued reports, one at a time, each step recorded as
 * progress so the list page can show it. A report that fails says why and stays failed.
 * Returns the ids it finished.
 */
export async function runQueuedReports(db: Database, tenantId: string): Promise<string[]> {
  const done: string[] = [];
  for (;;) {
    // Claim one: `skip locked` lets two runners share the queue without doing a report twice.
    const claimed = await withTenant(db, tenantId, async (tx) => {
      const [row] = await tx
        .select()
        .from(schema.statisticsReport)
        .where(eq(schema.statisticsReport.status, 'queued'))
        .orderBy(schema.statisticsReport.requestedAt)
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return null;
      await tx
        .update(schema.statisticsReport)
        .set({ status: 'running', progress: 10 })
        .where(eq(schema.statisticsReport.id, row.id));
      return row;
    });
    if (!claimed) return done;
    try {
      const key = periodKey(claimed.period, claimed.startsOn);
      const stats = await withTenant(db, tenantId, (tx) =>
        getStatistics(tx, systemActor(tenantId, 'statistics report'), {
          period: key,
          organisationId: claimed.organisationId,
        }),
      );
      await setProgress(db, tenantId, claimed.id, { progress: 50 });
      const [scope] = claimed.organisationId
        ? await withTenant(db, tenantId, (tx) =>
            tx
              .select({ name: schema.organisation.nameZh })
              .from(schema.organisation)
              .where(eq(schema.organisation.id, claimed.organisationId as string)),
          )
        : [{ name: '全区' }];
      const title = `${scope?.name ?? ''} ${key} 公共法律服务统计报表`;
      const content = await statisticsWorkbook(stats, title);
      await setProgress(db, tenantId, claimed.id, {
        status: 'done',
        progress: 100,
        content,
        fileName: `statistics-${key}.xlsx`,
        finishedAt: new Date(),
      });
      done.push(claimed.id);
    } catch (error) {
      await setProgress(db, tenantId, claimed.id, {
        status: 'failed',
        error: error instanceof Error ? error.message : String(error),
        finishedAt: new Date(),
      });
    }
  }
}

/**
 * Runs the tenant's queued reports once the report `id` is visible, i.e. once the request that
 * queued it has committed (the caller starts this before its own transaction ends). Gives up
 * quietly after `waitMs`: a report whose request rolled back never appears.
 */
export async function runReportsWhenCommitted(db: Database, tenantId: string, id: string, waitMs = 10_000) {
  const until = Date.now() + waitMs;
  while (Date.now() < until) {
    const [row] = await withTenant(db, tenantId, (tx) =>
      tx
        .select({ status: schema.statisticsReport.status })
        .from(schema.statisticsReport)
        .where(eq(schema.statisticsReport.id, id)),
    );
    if (row) return runQueuedReports(db, tenantId);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return [];
}
