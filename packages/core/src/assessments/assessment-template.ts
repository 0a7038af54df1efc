import ExcelJS from 'exceljs';

/**
 * The columns of a third-party assessment spreadsheet, with the names assessors' own sheets use;
 * the first of each is the template's.
 */
export const ASSESSMENT_COLUMNS = {
  assessor: ['评估机构', '评估单位', '第三方机构'],
  period: ['评估期间', '考核期间', '期间'],
  servicePoint: ['服务点', '服务点名称', '站点'],
  indicator: ['指标', '评估指标', '考核指标'],
  score: ['得分', '分数', '评分'],
  remarks: ['备注', '说明'],
} as const;
export type AssessmentColumn = keyof typeof ASSESSMENT_COLUMNS;
export const REQUIRED_ASSESSMENT_COLUMNS: readonly AssessmentColumn[] = [
  'assessor',
  'period',
  'servicePoint',
  'indicator',
  'score',
];

/**
 * The template to hand an assessor: the header row on the first sheet (what is imported) and a
 * filled-in example with the rules on a second sheet (never imported).
 */
export async function assessmentTemplateXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const header = Object.values(ASSESSMENT_COLUMNS).map((names) => names[0]);
  const sheet = workbook.addWorksheet('评估结果');
  sheet.addRow(header).font = { bold: true };
  sheet.columns.forEach((col) => {
    col.width = 22;
    col.numFmt = '@';
  });
  const help = workbook.addWorksheet('填写说明');
  help.addRow(header).font = { bold: true };
  help.addRow(['某某评估咨询有限公司', '2026-Q1', '甲街道工作站', '服务规范化', '18.5', '窗口标识齐全']);
  help.addRow([]);
  help.addRow(['评估期间写作 2026、2026-Q1（季度）或 2026-03（月）。']);
  help.addRow(['服务点填写平台中服务点的名称（与组织架构一致）。']);
  help.addRow(['得分为 0–1000 的数字，最多两位小数。同一机构、期间、服务点和指标只导入一次。']);
  help.getColumn(1).width = 30;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
