import { describe, expect, it } from 'vitest';
import { niceMax, type ReportDocument, renderReportPdf } from './render-report-pdf.ts';
import { pdfText, undrawnCharacters } from './testing/index.ts';

const textOf = async (bytes: Uint8Array) => {
  const { text, pages } = await pdfText(bytes);
  return { text: text.replaceAll(/\s/g, ''), totalPages: pages };
};

const report: ReportDocument = {
  title: '静安区 2026年第一季度 公共法律服务统计报告',
  subtitle: '数据截至 2026-04-01',
  language: 'zh-CN',
  blocks: [
    { kind: 'heading', text: '一、总体情况' },
    { kind: 'paragraph', text: '本季度共受理事项1234件，办结1100件。' },
    {
      kind: 'table',
      columns: ['单位', '受理', '办结'],
      rows: [
        ['江宁路街道工作站', '600', '550'],
        ['石门二路街道工作站', '634', '550'],
      ],
    },
    { kind: 'bar-chart', title: '各单位受理数', categories: ['江宁路', '石门二路'], values: [600, 634] },
    {
      kind: 'line-chart',
      title: '逐月受理与办结',
      categories: ['1月', '2月', '3月'],
      series: [
        { name: '受理', values: [400, 380, 454] },
        { name: '办结', values: [350, 360, null] },
      ],
    },
  ],
};

// Rendering subsets a 10 MB font: seconds on a busy 2-core machine.
describe('renderReportPdf', { timeout: 30_000 }, () => {
  it('writes the title, tables and chart labels as extractable Chinese text', async () => {
    const bytes = await renderReportPdf(report);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { text } = await textOf(bytes);
    for (const expected of [
      '静安区2026年第一季度',
      '江宁路街道工作站',
      '634',
      '各单位受理数',
      '逐月受理与办结',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('draws every character of its headings, tables and charts, as pdf.js renders it', async () => {
    expect(await undrawnCharacters(await renderReportPdf(report))).toEqual([]);
  });

  it('continues long tables on new pages', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`第${i}单位`, String(i), String(i)]);
    const bytes = await renderReportPdf({
      ...report,
      blocks: [{ kind: 'table', columns: ['单位', '受理', '办结'], rows }],
    });
    const { text, totalPages } = await textOf(bytes);
    expect(totalPages).toBeGreaterThan(1);
    expect(text).toContain('第119单位');
  });

  it('picks round axis steps', () => {
    expect(niceMax(0)).toEqual({ top: 1, step: 1 });
    expect(niceMax(634)).toEqual({ top: 800, step: 200 });
    expect(niceMax(7)).toEqual({ top: 8, step: 2 });
    expect(niceMax(1_000_000)).toEqual({ top: 1_000_000, step: 500_000 });
  });
});
