import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { screens, signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * The statistics dashboard in Chromium against the real stack: the demo district's inspector
 * opens 统计 for this year, sees the figures the demo cases gave (tables server-rendered, the
 * ECharts charts drawn after hydration), asks for the year's report and downloads its workbook.
 */
const live = useDemoStack('stats');

describe('statistics dashboard', () => {
  it('shows the year’s figures with charts and tables, and makes the year’s report', async () => {
    const page = await live.browser.newPage({ acceptDownloads: true });
    await signInAsDemo(page, live.url, 'inspector');
    await page.getByRole('link', { name: '统计' }).first().click();
    await expect.poll(() => page.url()).toContain('/t/xuhui/statistics');

    const year = String(new Date().getFullYear());
    await page.getByLabel('统计期间').selectOption(year);
    await page.getByRole('button', { name: '查看' }).click();
    await expect.poll(() => page.url()).toContain(`period=${year}`);
    expect(await page.getByRole('heading', { level: 2, name: `${year}年` }).count()).toBe(1);
    // The demo district took six cases in this year (some may date from late last year).
    const received = Number(await page.locator('.admin-figures dd').first().textContent());
    expect(received).toBeGreaterThan(0);
    expect(await page.getByRole('table', { name: '按服务' }).count()).toBe(1);
    expect(await page.getByRole('table', { name: '按单位（含下级）' }).count()).toBe(1);
    // The charts are drawn in the browser, as SVG.
    await expect.poll(() => page.locator('.admin-chart__canvas svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screens, 'statistics.png'), fullPage: true });

    await page.getByRole('button', { name: `生成${year}年报表（Excel 和 PDF）` }).click();
    // Made in the background; the list shows its progress until both files are offered.
    const report = page.getByRole('row').filter({ hasText: `statistics-${year}.xlsx` });
    await expect
      .poll(() => report.getByRole('link', { name: '下载 PDF' }).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('link', { name: '下载 Excel' }).first().click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path()) as string);
    const totals = book.getWorksheet('汇总')?.getRow(3).values as unknown[];
    expect(totals[1]).toBe('合计');
    expect(totals[2]).toBe(received);
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('link', { name: '下载 PDF' }).first().click(),
    ]);
    expect(pdf.suggestedFilename()).toBe(`statistics-${year}.pdf`);
    expect((await readFile((await pdf.path()) as string)).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Hotspots: the units drawn from their coordinates as SVG by the server, and the rankings.
    await page.getByRole('link', { name: '纠纷热点' }).click();
    await expect.poll(() => page.url()).toContain('/statistics/hotspots');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '纠纷热点' }).count()).toBe(1);
    await expect.poll(() => page.locator('svg[role="img"] circle').count()).toBeGreaterThan(1);
    await page.screenshot({ path: join(screens, 'statistics-hotspots.png'), fullPage: true });

    // The 15-minute service circle of the demo's communities: two of six are out of reach.
    await page.goto(`${live.url}/t/xuhui/statistics/coverage`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: '15分钟公共法律服务圈' }).count())
      .toBe(1);
    const gaps = page.getByRole('table', { name: '未覆盖的社区（村），按距最近服务点由远到近' });
    expect(await gaps.getByRole('rowheader').allTextContents()).toEqual(['关港村', '徐虹北路居民区']);
    await page.screenshot({ path: join(screens, 'statistics-coverage.png'), fullPage: true });
  }, 240_000);
});
