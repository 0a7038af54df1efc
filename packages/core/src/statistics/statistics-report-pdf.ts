import { type ReportBlock, type ReportDocument, renderReportPdf } from '@linju/documents';
import { channelLabel, keyGroupLabel, organisationKindLabel } from '@linju/i18n';
import { type Figures, periodInChinese, type Statistics } from './statistics-query.ts';
import { activityLines } from './statistics-report.ts';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
const oneDecimal = (n: number | null) => (n === null ? '—' : n.toFixed(1));

const COLUMNS = ['受理', '办结', '按时办结率', '平均办理天数', '已反馈', '已评价', '满意率'];
const cells = (f: Figures) => [
  String(f.received),
  String(f.resolved),
  percent(f.onTimeRate),
  oneDecimal(f.averageResolutionDays),
  String(f.feedback),
  String(f.rated),
  percent(f.satisfactionRate),
];
const table = (first: string, rows: [string, Figures][]): ReportBlock => ({
  kind: 'table',
  columns: [first, ...COLUMNS],
  rows: rows.map(([label, f]) => [label, ...cells(f)]),
});

/** How many lines a chart can show legibly; the table below it has every line. */
const CHART_BARS = 16;

/**
 * The dashboard's figures as a printable report (月报/季报): a summary in words, the month-by-month
 * trend and the units as charts, then the breakdowns as tables. Same figures as the workbook.
 */
export function statisticsReportDocument(
  stats: Statistics,
  names: { district: string; scope: string | null },
  serviceName: (serviceId: string) => string,
): ReportDocument {
  const period = periodInChinese(stats.period.key);
  const t = stats.totals;
  const monthly = stats.period.kind !== 'month';
  const units = stats.byOrganisation.map((u): [string, Figures] => [
    `${u.nameZh}${u.own ? '（本级）' : ''}`,
    u,
  ]);
  const topUnits = [...units].sort(([, a], [, b]) => b.received - a.received).slice(0, CHART_BARS);
  const blocks: ReportBlock[] = [
    { kind: 'heading', text: '一、总体情况' },
    {
      kind: 'paragraph',
      text:
        `${period}，${names.scope ?? names.district}共受理公共法律服务案件${t.received}件，办结${t.resolved}件，` +
        `其中按时办结${t.resolvedOnTime}件（按时办结率${percent(t.onTimeRate)}），` +
        `平均办理${oneDecimal(t.averageResolutionDays)}天；已向群众反馈${t.feedback}件，` +
        `收到满意度评价${t.rated}件，满意率${percent(t.satisfactionRate)}。`,
    },
    table('项目', [['合计', t]]),
  ];
  if (monthly)
    blocks.push(
      {
        kind: 'line-chart',
        title: '各月受理数与办结数',
        categories: stats.byMonth.map((m) => `${Number(m.month.slice(5, 7))}月`),
        series: [
          { name: '受理', values: stats.byMonth.map((m) => m.received) },
          { name: '办结', values: stats.byMonth.map((m) => m.resolved) },
        ],
      },
      table(
        '月份',
        stats.byMonth.map((m) => [m.month.slice(0, 7), m]),
      ),
    );
  blocks.push(
    { kind: 'heading', text: '二、各单位情况' },
    {
      kind: 'bar-chart',
      title: units.length > CHART_BARS ? `受理数最多的${CHART_BARS}个单位` : '各单位受理数',
      categories: topUnits.map(([name]) => name),
      values: topUnits.map(([, f]) => f.received),
    },
    table('单位', units),
    { kind: 'heading', text: '三、按服务、渠道、类别和重点人群' },
    {
      kind: 'bar-chart',
      title: '各服务受理数',
      categories: stats.byService.map((s) => serviceName(s.key)),
      values: stats.byService.map((s) => s.received),
    },
    table(
      '服务',
      stats.byService.map((s) => [serviceName(s.key), s]),
    ),
    table(
      '渠道',
      stats.byChannel.map((s) => [channelLabel('zh-CN', s.key), s]),
    ),
    table(
      '类别',
      stats.byCategory.map((s) => {
        const [service = '', category = ''] = s.key.split(':');
        return [`${serviceName(service)}·${category}`, s];
      }),
    ),
    table(
      '重点人群',
      stats.byKeyGroup.map((s) => [keyGroupLabel('zh-CN', s.key), s]),
    ),
  );
  if (stats.activity) {
    const a = stats.activity;
    blocks.push(
      { kind: 'heading', text: '四、转介、咨询时长和法治宣传' },
      {
        kind: 'table',
        columns: ['项目', '数值'],
        rows: activityLines(a).map(([label, value]) => [label, value === null ? '—' : String(value)]),
      },
    );
    if (a.referrals.byPartnerKind.length > 0)
      blocks.push(
        {
          kind: 'bar-chart',
          title: '各类合作单位转介平均周转天数',
          categories: a.referrals.byPartnerKind.map((p) => organisationKindLabel('zh-CN', p.key)),
          values: a.referrals.byPartnerKind.map((p) => Math.round((p.averageTurnaroundDays ?? 0) * 10) / 10),
        },
        {
          kind: 'table',
          columns: ['合作单位类型', '转介办结', '平均周转天数'],
          rows: a.referrals.byPartnerKind.map((p) => [
            organisationKindLabel('zh-CN', p.key),
            String(p.completed),
            oneDecimal(p.averageTurnaroundDays),
          ]),
        },
      );
  }
  blocks.push({
    kind: 'paragraph',
    text: '说明：受理数计入受理单位，办结、反馈、评价计入办理单位；满意率为4分及以上评价所占比例；一位群众可属于多个重点人群。',
  });
  return {
    title: `${names.district}${names.scope ? ` ${names.scope}` : ''} ${period}公共法律服务统计报告`,
    subtitle: `统计期间 ${stats.period.from} 至 ${stats.period.to}（不含）`,
    language: 'zh-CN',
    blocks,
  };
}

/** The report as PDF bytes. */
export async function statisticsReportPdf(
  stats: Statistics,
  names: { district: string; scope: string | null },
  serviceName: (serviceId: string) => string,
): Promise<Buffer> {
  return Buffer.from(await renderReportPdf(statisticsReportDocument(stats, names, serviceName)));
}
