/**
 * 站点考核 as a spreadsheet: a quarter's ranking with every component, and the weights and grading
 * it was computed with, so the file explains its own figures. The figures are the scorecard's own
 * (the same rows the screen and `getScorecard` show), never recomputed here.
 */
import type { TenantTx } from '@linju/db';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { periodInChinese } from '../statistics/statistics-query.ts';
import { ZQuarter } from './inspection-service.ts';
import { SATISFACTION_GRADES } from './scorecard-formula.ts';
import { getScorecard, type ScorecardRow } from './scorecard-service.ts';

export const ZExportScorecardRequest = z.object({
  quarter: ZQuarter,
  /** The published snapshot, or the live computation (district-wide readers only). */
  version: z.enum(['published', 'live']),
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

const TEXT = {
  'zh-CN': {
    sheet: '站点考核',
    /** The quarter in words (2026年第四季度), as the sheet's title and the file's name say it. */
    period: periodInChinese,
    title: (quarter: string) => `${periodInChinese(quarter)} 站点考核排名`,
    published: (when: string) => `已发布（${when}）`,
    live: '实时计算，尚未发布',
    columns: [
      '名次',
      '工作站',
      '总分',
      '基础工作得分',
      '工作成效得分',
      '满意度得分',
      '值班覆盖率',
      '主题活动日（月数）',
      '检查次数',
      '检查得分率',
      '受理数',
      '办结数',
      '按期办结数',
      '办结率',
      '按期办结率',
      '评价数',
      '满意数',
      '满意率',
      '满意度等级',
    ],
    notGraded: '未评级',
    weights: '权重（分）',
    weightNames: ['基础工作', '工作成效', '满意度'],
    grading: '满意度分级',
    gradingColumns: ['等级', '满意率不低于（%）', '得分'],
    below: '低于 C 级',
  },
  en: {
    sheet: 'Scorecard',
    period: (quarter: string) => quarter,
    title: (quarter: string) => `Station scorecard ranking, ${quarter}`,
    published: (when: string) => `Published (${when})`,
    live: 'Computed now, not published',
    columns: [
      'Rank',
      'Station',
      'Total',
      'Basic duties',
      'Outcomes',
      'Satisfaction',
      'Roster coverage',
      'Themed-day months',
      'Inspections',
      'Inspection score',
      'Received',
      'Resolved',
      'Resolved on time',
      'Resolution rate',
      'On-time rate',
      'Ratings',
      'Satisfied',
      'Satisfaction rate',
      'Grade',
    ],
    notGraded: 'not graded',
    weights: 'Weights (points)',
    weightNames: ['Basic duties', 'Outcomes', 'Satisfaction'],
    grading: 'Satisfaction grading',
    gradingColumns: ['Grade', 'From (%)', 'Points'],
    below: 'below C',
  },
} as const;

/** 1-based columns holding a share (shown as a percentage) and points (two decimals). */
const SHARE_COLUMNS = [7, 10, 14, 15, 18];
const POINT_COLUMNS = [3, 4, 5, 6];

/** One ranking row as spreadsheet cells; a share with nothing to measure is left empty. */
function cells(row: ScorecardRow, locale: 'zh-CN' | 'en') {
  return [
    row.rank,
    locale === 'en' ? row.nameEn : row.nameZh,
    row.total,
    row.basic.points,
    row.outcome.points,
    row.satisfaction.points,
    row.basic.rosterCoverage,
    row.basic.themedDayMonths,
    row.basic.inspections,
    row.basic.inspectionScore,
    row.outcome.received,
    row.outcome.resolved,
    row.outcome.resolvedOnTime,
    row.outcome.resolutionRate,
    row.outcome.onTimeRate,
    row.satisfaction.rated,
    row.satisfaction.satisfied,
    row.satisfaction.rate,
    row.satisfaction.grade ?? TEXT[locale].notGraded,
  ];
}

/**
 * A quarter's scorecard as XLSX: title and status (published when, or computed now), the ranking
 * (rank, station, total, the three parts and every figure behind them), then the weights and the
 * satisfaction grading used. The published version carries the snapshot's own weights and grading.
 */
export async function exportScorecardXlsx(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZExportScorecardRequest>,
) {
  const input = ZExportScorecardRequest.parse(request);
  const scorecard = await getScorecard(tx, actor, { quarter: input.quarter });
  const chosen =
    input.version === 'published'
      ? scorecard.published && {
          rows: scorecard.published.rows,
          weights: scorecard.published.weights,
          grading: scorecard.published.grading,
          publishedAt: scorecard.published.publishedAt,
        }
      : scorecard.live && {
          rows: scorecard.live,
          weights: scorecard.weights,
          grading: scorecard.grading,
          publishedAt: null,
        };
  if (!chosen)
    throw new DomainError(
      'not-found',
      input.version === 'published' ? 'scorecard.not_published' : 'scorecard.live_not_available',
      { params: { quarter: input.quarter } },
    );
  const text = TEXT[input.locale];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(text.sheet);
  sheet.addRow([text.title(input.quarter)]).font = { bold: true, size: 14 };
  sheet.addRow([
    chosen.publishedAt ? text.published(chosen.publishedAt.toISOString().slice(0, 10)) : text.live,
  ]);
  sheet.addRow([]);
  sheet.addRow([...text.columns]).font = { bold: true };
  for (const row of chosen.rows) {
    const added = sheet.addRow(cells(row, input.locale));
    for (const c of SHARE_COLUMNS) added.getCell(c).numFmt = '0.0%';
    for (const c of POINT_COLUMNS) added.getCell(c).numFmt = '0.00';
  }
  sheet.addRow([]);
  const { weights, grading } = chosen;
  sheet.addRow([text.weights]).font = { bold: true };
  sheet.addRow([...text.weightNames]);
  sheet.addRow([weights.basic, weights.outcome, weights.satisfaction]);
  sheet.addRow([]);
  sheet.addRow([text.grading]).font = { bold: true };
  sheet.addRow([...text.gradingColumns]);
  for (const grade of SATISFACTION_GRADES)
    sheet.addRow(
      grade === 'D'
        ? [grade, text.below, grading.D.points]
        : [grade, grading[grade].from, grading[grade].points],
    );
  sheet.columns.forEach((column, i) => {
    column.width = i === 1 ? 28 : 12;
  });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${text.sheet}-${text.period(input.quarter)}${chosen.publishedAt ? '' : `-${input.locale === 'en' ? 'live' : '实时'}`}.xlsx`,
    contentBase64: bytes.toString('base64'),
  };
}
