import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { screens, signInAsDemo, signInFirstTime, useDemoStack } from './demo-stack.ts';
import { DEMO_NODE_ID } from './demo-template.ts';

/**
 * The statistics dashboard in Chromium against the real stack: the demo district's inspector
 * opens 统计 for this year, sees the figures the demo cases gave (tables and ECharts charts both
 * in the page as the server sent it, so they print and need no JavaScript), asks for the year's report and downloads its workbook.
 * Then the district's administrator sends last month to the demo city bureau (上报市局), and the
 * city's administrator sees the district among its districts.
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
    // The charts come drawn by the server, as SVG: a browser without JavaScript shows them too.
    const noScript = await (await live.browser.newContext({ javaScriptEnabled: false })).newPage();
    await signInAsDemo(noScript, live.url, 'inspector');
    await noScript.goto(`${live.url}/t/xuhui/statistics?period=${year}`);
    const trend = noScript.getByRole('img', { name: '各月受理、办结数和按时办结率' });
    expect(await trend.locator('svg').count()).toBe(1);
    expect(await trend.textContent()).toContain('受理');
    expect(await page.locator('.admin-chart__canvas svg').count()).toBe(2);
    await noScript.close();
    await page.screenshot({ path: join(screens, 'statistics.png'), fullPage: true });

    await page.getByRole('button', { name: `生成${year}年报表（Excel 和 PDF）` }).click();
    // Made in the background; the list shows its progress until both files are offered.
    const report = page.getByRole('row').filter({ hasText: `统计年报-${year}年度.xlsx` });
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
    // Named in words, through RFC 5987's filename* (UTF-8).
    expect(pdf.suggestedFilename()).toBe(`统计年报-${year}年度.pdf`);
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

    // Reporting to the city: an inspector reads the setting and the sendings, and changes nothing.
    await page.goto(`${live.url}/t/xuhui/statistics`);
    await page.getByRole('link', { name: '上报市局' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: '上报市局' }).count(), { timeout: 10_000 })
      .toBe(1);
    // The demo seed points Xuhui at the demo city bureau on this node (the run's stacks share its id).
    expect(await page.getByText(`报送至 shanghai@${DEMO_NODE_ID}，每月3日报送上月数字。`).count()).toBe(1);
    expect(await page.getByText('尚无报送。').count()).toBe(1);
    expect(await page.getByRole('button', { name: '立即报送' }).count()).toBe(0);
    expect(await page.getByLabel('市局租户').count()).toBe(0);
    await page.screenshot({ path: join(screens, 'statistics-city.png'), fullPage: true });
  }, 240_000);

  it('sends last month to the demo city bureau, which shows Xuhui side by side', async () => {
    const district = await firstAdminSignIn('xuhui');
    await district.goto(`${live.url}/t/xuhui/statistics/city`);
    // Last month is the form's first choice; it goes signed, over loopback, by the worker.
    const month = await district.getByLabel('月份').inputValue();
    await district.getByRole('button', { name: '立即报送' }).click();
    const sending = district.locator('#sends tbody tr').first();
    await expect
      .poll(
        async () => {
          await district.reload();
          return sending.textContent();
        },
        { timeout: 60_000, interval: 1_000 },
      )
      .toContain('已送达');
    await district.screenshot({ path: join(screens, 'statistics-city-sent.png'), fullPage: true });

    // The bureau uploads its boundary, copied from a Chinese map service (GCJ-02): the service
    // circle's map is drawn over it. A file that is not a boundary is named as such first.
    await district.goto(`${live.url}/t/xuhui/statistics/coverage`);
    const upload = (name: string, content: string) =>
      district.getByLabel('边界文件（GeoJSON）').setInputFiles({
        name,
        mimeType: 'application/geo+json',
        buffer: Buffer.from(content),
      });
    await upload('xuhui.geojson', '{"type":"Point","coordinates":[121.43,31.18]}');
    await district.getByRole('button', { name: '上传边界' }).click();
    await expect.poll(() => district.textContent('main')).toContain('这不是有效的 GeoJSON 边界文件');
    const square = [
      [121.38, 31.13],
      [121.49, 31.13],
      [121.49, 31.23],
      [121.38, 31.23],
      [121.38, 31.13],
    ];
    await upload('xuhui.geojson', JSON.stringify({ type: 'Polygon', coordinates: [square] }));
    await district.getByLabel('文件的坐标系').selectOption('gcj02');
    await district.getByRole('button', { name: '上传边界' }).click();
    await expect
      .poll(() => district.textContent('main'))
      .toContain('辖区边界已保存：1 个多边形，共 5 个点。');
    const map = district.getByRole('img', { name: /^15分钟服务圈地图/ });
    expect(await map.locator('path').getAttribute('d')).toMatch(/^M[\d. ]+(L[\d. ]+){4}Z$/);
    expect(await map.locator('circle').count()).toBeGreaterThan(0);
    await district.screenshot({ path: join(screens, 'statistics-coverage-boundary.png'), fullPage: true });

    const city = await firstAdminSignIn('shanghai');
    await city.goto(`${live.url}/t/shanghai/statistics?period=${month}`);
    const districts = city.getByRole('table', { name: '各区汇总（各区签名报送）' });
    expect(await districts.getByRole('rowheader').allTextContents()).toEqual(['徐汇区司法局 (310104)']);
    await city.screenshot({ path: join(screens, 'statistics-city-received.png'), fullPage: true });

    // The city bureau's own first page: the districts side by side for last month, the city's
    // total, and the same table as XLSX.
    await city.getByRole('navigation').getByRole('link', { name: '各区汇总', exact: true }).first().click();
    await expect.poll(() => city.url()).toContain('/t/shanghai/statistics/districts');
    const side = city.getByRole('table', { name: /^各区报送统计/ });
    // The address changes as the navigation starts; the table follows once its loader has answered.
    await expect.poll(() => side.getByRole('rowheader', { name: '徐汇区司法局 (310104)' }).count()).toBe(1);
    const totalRow = side.getByRole('row').filter({ hasText: '全市合计' });
    const shownTotal = Number(await totalRow.getByRole('cell').first().textContent());
    const xuhuiRow = side.getByRole('row').filter({ hasText: '徐汇区司法局' });
    expect(shownTotal).toBe(Number(await xuhuiRow.getByRole('cell').first().textContent()));
    await city.screenshot({ path: join(screens, 'statistics-city-districts.png'), fullPage: true });
    const [sheet] = await Promise.all([
      city.waitForEvent('download'),
      city.getByRole('link', { name: '下载 Excel' }).click(),
    ]);
    // Named in words: 各区汇总-2026年11月.xlsx.
    expect(sheet.suggestedFilename()).toBe(
      `各区汇总-${month.slice(0, 4)}年${Number(month.slice(5, 7))}月.xlsx`,
    );
    const cityBook = new ExcelJS.Workbook();
    await cityBook.xlsx.readFile((await sheet.path()) as string);
    const rows = cityBook.getWorksheet('各区汇总')?.getSheetValues() as unknown[][];
    const total = rows.find((r) => r?.[1] === '全市合计');
    expect(total?.[3]).toBe(shownTotal);
  }, 120_000);
});

/** A bureau administrator's first sign-in: enrol the authenticator, then choose a new password. */
async function firstAdminSignIn(tenant: string) {
  const page = await (await live.browser.newContext()).newPage();
  await signInFirstTime(page, live.url, tenant, 'Statistics-city-2026');
  return page;
}
