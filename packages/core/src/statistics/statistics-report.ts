import { randomUUID } from 'node:crypto';
import { grantsAllow } from '@linju/auth';
import { and, type Database, desc, eq, isNull, or, schema, sql, type TenantTx, withTenant } from '@linju/db';
import { channelLabel, keyGroupLabel, organisationKindLabel } from '@linju/i18n';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { type Actor, auditActor, canTenantWide, systemActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { type InstalledServices, reportServiceNames } from './report-service-names.ts';
import {
  type ActivityFigures,
  type Figures,
  getStatistics,
  periodInChinese,
  type Statistics,
  ZPeriodKey,
} from './statistics-query.ts';
import { statisticsReportPdf } from './statistics-report-pdf.ts';

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

/**
 * Reports made by the system (the monthly sweep's) belong to nobody: whoever may read the whole
 * district's figures may read them.
 */
const visibleTo = (actor: Actor) =>
  actor.id === null
    ? sql`true`
    : canTenantWide(actor, 'statistics.read')
      ? or(eq(schema.statisticsReport.requestedBy, actor.id), isNull(schema.statisticsReport.requestedBy))
      : eq(schema.statisticsReport.requestedBy, actor.id);

/**
 * Having asked for a report is no right to it: its figures are read with the requester's rights
 * of now, so one who no longer reads that unit's (or the district's) statistics loses it too.
 */
const stillReadable = (actor: Actor, organisationPath: string | null) =>
  organisationPath === null
    ? canTenantWide(actor, 'statistics.read')
    : grantsAllow(actor.grants, 'statistics.read', organisationPath);

/** The reports one has asked for (and the system's, for district-wide readers), newest first, without their bytes. */
export async function listStatisticsReports(tx: TenantTx, actor: Actor) {
  const rows = await tx
    .select({ ...listed, organisationPath: schema.organisation.path })
    .from(schema.statisticsReport)
    .leftJoin(schema.organisation, eq(schema.organisation.id, schema.statisticsReport.organisationId))
    .where(visibleTo(actor))
    .orderBy(desc(schema.statisticsReport.requestedAt))
    .limit(50);
  return rows
    .filter((r) => stillReadable(actor, r.organisationPath))
    .map(({ organisationPath: _, ...report }) => report);
}

export const REPORT_FORMATS = ['xlsx', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A finished report's workbook or PDF, for its requester. */
export async function readStatisticsReport(
  tx: TenantTx,
  actor: Actor,
  input: { id: string; format?: ReportFormat },
) {
  const [found] = await tx
    .select({ row: schema.statisticsReport, organisationPath: schema.organisation.path })
    .from(schema.statisticsReport)
    .leftJoin(schema.organisation, eq(schema.organisation.id, schema.statisticsReport.organisationId))
    .where(and(eq(schema.statisticsReport.id, input.id), visibleTo(actor)));
  if (!found || !stillReadable(actor, found.organisationPath))
    throw new DomainError('not-found', 'statistics.report_not_found', { field: 'id' });
  const { row } = found;
  const content = input.format === 'pdf' ? row.pdfContent : row.content;
  if (row.status !== 'done' || !content)
    throw new DomainError('conflict', 'statistics.report_not_ready', { field: 'id' });
  const fileName = row.fileName ?? 'report.xlsx';
  return {
    fileName: input.format === 'pdf' ? fileName.replace(/\.xlsx$/, '.pdf') : fileName,
    contentType:
      input.format === 'pdf'
        ? 'application/pdf'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    content,
  };
}

const REPORT_KIND: Record<schema.ReportPeriod, string> = {
  month: '统计月报',
  quarter: '统计季报',
  year: '统计年报',
};

/** A report's file name in words: 统计月报-2026年11月.xlsx (the PDF takes the same name). */
export const reportFileName = (period: schema.ReportPeriod, key: string) =>
  `${REPORT_KIND[period]}-${periodInChinese(key)}.xlsx`;

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

/** 转介与其他业务: referral turnaround by partner kind, consultation and hotline minutes, events. */
function activitySheet(book: ExcelJS.Workbook, a: ActivityFigures, title: string) {
  const ws = book.addWorksheet('转介与其他业务');
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow(['项目', '数值']).font = { bold: true };
  const days = (d: number | null) => (d === null ? null : Math.round(d * 10) / 10);
  for (const row of activityLines(a)) ws.addRow(row);
  ws.addRow([]);
  ws.addRow(['合作单位类型', '转介办结', '平均周转天数']).font = { bold: true };
  for (const p of a.referrals.byPartnerKind)
    ws.addRow([organisationKindLabel('zh-CN', p.key), p.completed, days(p.averageTurnaroundDays)]);
  ws.getColumn(1).width = 28;
  ws.getColumn(2).width = 14;
  ws.getColumn(3).width = 14;
}

/** The activity figures as label–value lines, the same in the workbook and the PDF. */
export function activityLines(a: ActivityFigures): [string, number | null][] {
  const days = (d: number | null) => (d === null ? null : Math.round(d * 10) / 10);
  return [
    ['转介办结（件）', a.referrals.completed],
    ['转介平均周转天数（发出至办结）', days(a.referrals.averageTurnaroundDays)],
    ['法律咨询（次）', a.consultations.count],
    ['咨询时长（分钟）', a.consultations.minutes],
    ['其中热线时长（分钟）', a.consultations.hotlineMinutes],
    ['法治宣传活动（场）', a.education.events],
    ['法治宣传参加人次', a.education.attendance],
  ];
}

/**
 * The dashboard's figures as a workbook: a summary sheet and one sheet per breakdown, in Chinese
 * (`serviceName` names the services: `reportServiceNames`).
 */
export async function statisticsWorkbook(
  stats: Statistics,
  title: string,
  serviceName: (serviceId: string) => string,
): Promise<Buffer> {
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
    stats.byService.map((s) => [serviceName(s.key), s]),
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
      return [`${serviceName(service)} · ${category}`, s];
    }),
  );
  sheet(
    '按重点人群',
    '重点人群',
    stats.byKeyGroup.map((s) => [keyGroupLabel('zh-CN', s.key), s]),
  );
  if (stats.activity) activitySheet(book, stats.activity, title);
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

/** The report's row is not visible (yet): its request has not committed, or rolled back. */
export class ReportNotVisibleError extends Error {
  readonly reportId: string;
  constructor(reportId: string) {
    super(`statistics report ${reportId} is not visible (its request has not committed)`);
    this.name = 'ReportNotVisibleError';
    this.reportId = reportId;
  }
}

type ReportRow = typeof schema.statisticsReport.$inferSelect;

/** The district's name and the unit's (null for the whole district), for titles. */
async function reportNames(tx: TenantTx, tenantId: string, organisationId: string | null) {
  const [tenant] = await tx
    .select({ name: schema.tenant.nameZh })
    .from(schema.tenant)
    .where(eq(schema.tenant.id, tenantId));
  const [unit] = organisationId
    ? await tx
        .select({ name: schema.organisation.nameZh })
        .from(schema.organisation)
        .where(eq(schema.organisation.id, organisationId))
    : [];
  return { district: tenant?.name ?? '', scope: unit?.name ?? null };
}

/** Reads the figures, writes the workbook and the PDF, recording progress after each step. */
async function makeFiles(db: Database, tenantId: string, row: ReportRow, services: InstalledServices) {
  const key = periodKey(row.period, row.startsOn);
  const { stats, names, serviceName } = await withTenant(db, tenantId, async (tx) => ({
    stats: await getStatistics(tx, systemActor(tenantId, 'statistics report'), {
      period: key,
      organisationId: row.organisationId,
    }),
    names: await reportNames(tx, tenantId, row.organisationId),
    serviceName: await reportServiceNames(tx, services),
  }));
  await setProgress(db, tenantId, row.id, { progress: 30 });
  const title = `${names.scope ?? names.district} ${periodInChinese(key)} 公共法律服务统计报表`;
  const content = await statisticsWorkbook(stats, title, serviceName);
  await setProgress(db, tenantId, row.id, { progress: 60 });
  const pdfContent = await statisticsReportPdf(stats, names, serviceName);
  await setProgress(db, tenantId, row.id, {
    status: 'done',
    progress: 100,
    content,
    pdfContent,
    fileName: reportFileName(row.period, key),
    finishedAt: new Date(),
  });
}

/**
 * Makes one report's files: claims it (queued → running; with `takeOver`, also one left running
 * by an attempt that died, which only its own workflow may do), makes the workbook and the PDF
 * with progress 10 → 30 → 60 → 100, and stores them. A report that fails says why and stays
 * failed. Throws `ReportNotVisibleError` while the request that queued it has not committed.
 * `services` are the installed plugins, whose manifests name their services in the files.
 */
export async function makeStatisticsReport(
  db: Database,
  tenantId: string,
  id: string,
  options: { services: InstalledServices; takeOver?: boolean },
): Promise<'done' | 'failed' | 'skipped'> {
  const claimed = await withTenant(db, tenantId, async (tx) => {
    const [row] = await tx
      .select()
      .from(schema.statisticsReport)
      .where(eq(schema.statisticsReport.id, id))
      .for('update', { skipLocked: true });
    if (!row) return null;
    const claimable = row.status === 'queued' || (options.takeOver === true && row.status === 'running');
    if (!claimable) return 'skipped' as const;
    await tx
      .update(schema.statisticsReport)
      .set({ status: 'running', progress: 10 })
      .where(eq(schema.statisticsReport.id, row.id));
    return row;
  });
  if (claimed === null) throw new ReportNotVisibleError(id);
  if (claimed === 'skipped') return 'skipped';
  try {
    await makeFiles(db, tenantId, claimed, options.services);
    return 'done';
  } catch (error) {
    await setProgress(db, tenantId, claimed.id, {
      status: 'failed',
      error: error instanceof Error ? error.message : String(error),
      finishedAt: new Date(),
    });
    return 'failed';
  }
}

/**
 * Makes the files of a tenant's queued reports in this process, one at a time (used when no
 * workflow engine is configured, and by tests), naming the installed `services`. Returns the ids
 * it finished.
 */
export async function runQueuedReports(
  db: Database,
  tenantId: string,
  services: InstalledServices,
): Promise<string[]> {
  const done: string[] = [];
  for (;;) {
    // `skip locked`: two runners share the queue without doing a report twice.
    const next = await withTenant(db, tenantId, async (tx) => {
      const [row] = await tx
        .select({ id: schema.statisticsReport.id })
        .from(schema.statisticsReport)
        .where(eq(schema.statisticsReport.status, 'queued'))
        .orderBy(schema.statisticsReport.requestedAt)
        .limit(1)
        .for('update', { skipLocked: true });
      return row?.id ?? null;
    });
    if (!next) return done;
    const outcome = await makeStatisticsReport(db, tenantId, next, { services }).catch((error: unknown) => {
      // Taken by another runner between the two reads: leave it to that one.
      if (error instanceof ReportNotVisibleError) return 'skipped' as const;
      throw error;
    });
    if (outcome === 'done') done.push(next);
    if (outcome === 'skipped') return done;
  }
}
