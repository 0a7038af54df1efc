import { and, asc, eq, gte, like, lt, ne, schema, type TenantTx } from '@linju/db';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { type Actor, requireTenantWide } from '../actor.ts';
import { MEASURES, type Measures, zeroMeasures } from '../cases/case-tally.ts';
import { isCityDivision } from '../tenants/division-code.ts';
import type { ActivityTotals, StatisticsMessage } from './city-rollup.ts';
import { type Figures, figuresOf, parsePeriod, periodInChinese, ZPeriodKey } from './statistics-query.ts';

/** A month (`2026-03`), quarter (`2026-Q1`) or year (`2026`) of the city's side-by-side table. */
export const ZCityOverviewRequest = z.object({ period: ZPeriodKey });
export const ZExportCityOverviewRequest = ZCityOverviewRequest.extend({
  locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
});

const ACTIVITY_KEYS = [
  'educationEvents',
  'educationAttendance',
  'consultations',
  'consultationMinutes',
  'hotlineMinutes',
  'referralsCompleted',
  'referralTurnaroundSeconds',
] as const satisfies readonly (keyof ActivityTotals)[];

const zeroActivity = (): ActivityTotals =>
  Object.fromEntries(ACTIVITY_KEYS.map((k) => [k, 0])) as ActivityTotals;
const addMeasures = (into: Measures, m: Measures) => {
  for (const name of MEASURES) into[name] += m[name];
};
const addActivity = (into: ActivityTotals, a: ActivityTotals) => {
  for (const name of ACTIVITY_KEYS) into[name] += a[name];
};

/** One district's row: the sum of the months it reported in the period. */
export type CityDistrictRow = {
  divisionCode: string;
  districtName: string;
  /** The months of the period it reported (`2026-03`), and those it did not. */
  reportedMonths: string[];
  missingMonths: string[];
  /** When the last of its reports in the period arrived, and that report's revision. */
  lastReceivedAt: Date | null;
  revision: number | null;
  figures: Figures;
  /**
   * Null when any reported month came as version 1 (no activity figures): a part-sum would read
   * as a fall, so the screen shows "not reported" instead.
   */
  activity: ActivityTotals | null;
};

/**
 * 市局首页: the districts side by side for a month, quarter or year, summed from the monthly
 * messages (every stored measure is additive; rates are derived after summing), the city's totals
 * (the sum of the districts' rows), and the districts that have not reported (未报送).
 *
 * Which districts the city expects: those that ever reported to this bureau, and the tenants of
 * this node whose division belongs to the city (`cityDivisionOf`, the same rule the receiving
 * side uses). A district on another node that never reported is unknown here and cannot be listed.
 */
export async function getCityOverview(
  tx: TenantTx,
  actor: Actor,
  input: z.input<typeof ZCityOverviewRequest>,
) {
  requireTenantWide(actor, 'statistics.read');
  const period = parsePeriod(ZCityOverviewRequest.parse(input).period);
  const [city] = await tx
    .select({ divisionCode: schema.tenant.divisionCode })
    .from(schema.tenant)
    .where(eq(schema.tenant.id, actor.tenantId));
  const cityCode = city?.divisionCode ?? '';
  const cityBureau = isCityDivision(cityCode);
  const received = await tx
    .select()
    .from(schema.districtStatistics)
    .where(
      and(gte(schema.districtStatistics.month, period.from), lt(schema.districtStatistics.month, period.to)),
    )
    .orderBy(asc(schema.districtStatistics.divisionCode), asc(schema.districtStatistics.month));
  const everReported = await tx
    .selectDistinctOn([schema.districtStatistics.divisionCode], {
      divisionCode: schema.districtStatistics.divisionCode,
      districtName: schema.districtStatistics.districtName,
    })
    .from(schema.districtStatistics)
    .orderBy(asc(schema.districtStatistics.divisionCode), asc(schema.districtStatistics.month));
  const onThisNode = cityBureau
    ? await tx
        .select({ divisionCode: schema.tenant.divisionCode, districtName: schema.tenant.nameZh })
        .from(schema.tenant)
        .where(
          and(
            like(schema.tenant.divisionCode, `${cityCode.slice(0, 4)}%`),
            ne(schema.tenant.divisionCode, cityCode),
          ),
        )
        .orderBy(asc(schema.tenant.createdAt))
    : [];

  const names = new Map<string, string>();
  for (const d of [...onThisNode, ...everReported]) names.set(d.divisionCode, d.districtName);
  // A report's own name is the district's latest word on it.
  for (const r of received) names.set(r.divisionCode, r.districtName);
  const months = period.months.map((m) => m.slice(0, 7));

  const districts: CityDistrictRow[] = [...names.keys()].sort().map((divisionCode) => {
    const rows = received.filter((r) => r.divisionCode === divisionCode);
    const measures = zeroMeasures();
    let activity: ActivityTotals | null = rows.length > 0 ? zeroActivity() : null;
    for (const r of rows) {
      const message = r.figures as unknown as StatisticsMessage;
      addMeasures(measures, message.totals);
      if (activity && message.version === 2) addActivity(activity, message.activity);
      else activity = null;
    }
    const reportedMonths = rows.map((r) => r.month.slice(0, 7));
    const last = rows.reduce<(typeof rows)[number] | null>(
      (a, r) => (a === null || r.receivedAt > a.receivedAt ? r : a),
      null,
    );
    return {
      divisionCode,
      districtName: names.get(divisionCode) ?? divisionCode,
      reportedMonths,
      missingMonths: months.filter((m) => !reportedMonths.includes(m)),
      lastReceivedAt: last?.receivedAt ?? null,
      revision: last?.revision ?? null,
      figures: figuresOf(measures),
      activity,
    };
  });

  const reporting = districts.filter((d) => d.reportedMonths.length > 0);
  const totalMeasures = zeroMeasures();
  const totalActivity = zeroActivity();
  for (const d of reporting) {
    addMeasures(totalMeasures, d.figures);
    if (d.activity) addActivity(totalActivity, d.activity);
  }
  return {
    period,
    cityBureau,
    divisionCode: cityCode,
    districts,
    totals: {
      districtsReporting: reporting.length,
      figures: figuresOf(totalMeasures),
      /** Over the districts whose activity figures came (version 2). */
      activity: totalActivity,
    },
    /** 未报送: districts with no report for some month of the period. */
    notReported: districts
      .filter((d) => d.missingMonths.length > 0)
      .map((d) => ({
        divisionCode: d.divisionCode,
        districtName: d.districtName,
        missingMonths: d.missingMonths,
      })),
  };
}
export type CityOverview = Awaited<ReturnType<typeof getCityOverview>>;

/** The screen's own headings (the i18n catalogue's `statistics.*`), so the file reads like the page. */
const HEADINGS = {
  'zh-CN': {
    sheet: '各区汇总',
    /** The period in words (2026年3月), as the sheet's title and the file's name say it. */
    period: periodInChinese,
    title: (period: string) => `各区公共法律服务统计汇总（${periodInChinese(period)}）`,
    district: '区',
    code: '区划代码',
    received: '受理',
    resolved: '办结',
    onTimeRate: '按时办结率',
    satisfactionRate: '满意率',
    rated: '已评价',
    referrals: '转介办结',
    consultations: '法律咨询（次）',
    hotlineMinutes: '热线时长（分钟）',
    educationEvents: '法治宣传活动（场）',
    educationAttendance: '参加人次',
    months: '已报送月份',
    receivedAt: '最近报送时间',
    revision: '版本',
    total: '全市合计',
    notReported: '未报送',
  },
  en: {
    sheet: 'Districts',
    period: (key: string) => key,
    title: (period: string) => `Public legal services by district (${period})`,
    district: 'District',
    code: 'Division code',
    received: 'Received',
    resolved: 'Resolved',
    onTimeRate: 'On-time rate',
    satisfactionRate: 'Satisfaction rate',
    rated: 'Rated',
    referrals: 'Referrals completed',
    consultations: 'Consultations',
    hotlineMinutes: 'Hotline minutes',
    educationEvents: 'Education events',
    educationAttendance: 'Attendance',
    months: 'Months reported',
    receivedAt: 'Last report received',
    revision: 'Revision',
    total: 'City total',
    notReported: 'Not reported',
  },
} as const;

/** The overview's row of figures, in the workbook's column order (after district and code). */
const figureCells = (f: Figures, a: ActivityTotals | null) => [
  f.received,
  f.resolved,
  f.onTimeRate,
  f.satisfactionRate,
  f.rated,
  a?.referralsCompleted ?? null,
  a?.consultations ?? null,
  a?.hotlineMinutes ?? null,
  a?.educationEvents ?? null,
  a?.educationAttendance ?? null,
];

/**
 * The side-by-side table as XLSX, with the same rows and totals as the screen: one row a
 * district (未报送 where nothing came), the city total last. Counts only — nothing personal is
 * held at the city.
 */
export async function exportCityOverviewXlsx(
  tx: TenantTx,
  actor: Actor,
  input: z.input<typeof ZExportCityOverviewRequest>,
) {
  const request = ZExportCityOverviewRequest.parse(input);
  const overview = await getCityOverview(tx, actor, request);
  const text = HEADINGS[request.locale];
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(text.sheet);
  sheet.addRow([text.title(overview.period.key)]).font = { bold: true };
  sheet.addRow([
    text.district,
    text.code,
    text.received,
    text.resolved,
    text.onTimeRate,
    text.satisfactionRate,
    text.rated,
    text.referrals,
    text.consultations,
    text.hotlineMinutes,
    text.educationEvents,
    text.educationAttendance,
    text.months,
    text.receivedAt,
    text.revision,
  ]).font = { bold: true };
  for (const d of overview.districts) {
    if (d.reportedMonths.length === 0) {
      sheet.addRow([d.districtName, d.divisionCode, text.notReported]);
      continue;
    }
    sheet.addRow([
      d.districtName,
      d.divisionCode,
      ...figureCells(d.figures, d.activity),
      d.reportedMonths.join(', '),
      d.lastReceivedAt,
      d.revision,
    ]);
  }
  sheet.addRow([
    text.total,
    overview.divisionCode,
    ...figureCells(overview.totals.figures, overview.totals.activity),
  ]).font = { bold: true };
  sheet.getColumn(5).numFmt = '0.0%';
  sheet.getColumn(6).numFmt = '0.0%';
  sheet.getColumn(14).numFmt = 'yyyy-mm-dd hh:mm';
  sheet.columns.forEach((column, i) => {
    column.width = i === 0 ? 18 : i === 13 ? 18 : 12;
  });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return {
    fileName: `${text.sheet}-${text.period(overview.period.key)}.xlsx`,
    contentBase64: bytes.toString('base64'),
  };
}
