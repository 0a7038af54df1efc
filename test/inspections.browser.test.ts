import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { screens, signInAsDemo, signInFirstTime, useDemoStack } from './demo-stack.ts';

/**
 * Inspections and station scorecards in Chromium against the real stack, forms without any
 * script: the demo inspector records an inspection of the Xujiahui station (a score over the
 * item's maximum is refused first), ticks its rectification item off and reads the quarter's
 * scorecard; the bureau administrator sets the weights (refused until they add up to 100) and
 * the satisfaction grading (no grade above the satisfaction weight), publishes the quarter and
 * downloads the published ranking, whose figures are the screen's.
 */
const live = useDemoStack('inspections');
const XUJIAHUI = '徐家汇街道公共法律服务工作站';

describe('inspections and scorecards', () => {
  it('records an inspection, ticks off its rectification and shows the quarter’s scorecard', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAsDemo(page, live.url, 'inspector');
    await page.getByRole('link', { name: '检查评议' }).first().click();
    await expect.poll(() => page.url()).toContain('/t/xuhui/inspections');
    // The demo seed's two inspections.
    expect(await page.locator('table.admin-table tbody tr').count()).toBe(2);

    await page.getByRole('link', { name: '记录检查评议' }).click();
    const unit = await page
      .locator('#record-organisationId option', { hasText: XUJIAHUI })
      .getAttribute('value');
    await page.getByLabel('服务站点').selectOption(unit ?? '');
    await page.getByLabel('检查组 黄磊').check();
    const scores = { '1.1': '11', '1.2': '14', '2.1': '19.5', '2.2': '18', '3.1': '15' };
    for (const [item, score] of Object.entries(scores))
      await page.locator(`[id="record-score-${item}"]`).fill(score);
    await page.getByLabel('整改事项 1', { exact: true }).fill('台账补录本季度调解结果');
    // A rectification is due within the coming months (a date years away is refused).
    await page.getByLabel('整改事项 1 期限').fill(`${new Date().getFullYear() + 1}-01-31`);
    await page.getByRole('button', { name: '保存检查评议' }).click();
    // 11 is over the item's maximum of 10: refused next to the field, what was typed kept.
    expect(await page.getByText('分数须在 0 到该项满分之间。').count()).toBeGreaterThan(0);
    expect(await page.locator('[id="record-score-2.1"]').inputValue()).toBe('19.5');
    await page.locator('[id="record-score-1.1"]').fill('10');
    await page.getByRole('button', { name: '保存检查评议' }).click();
    await expect.poll(() => page.url()).toContain('done=recorded');
    expect(await page.getByText('检查评议已保存。').count()).toBe(1);
    expect(await page.getByText('76.5 / 80 分').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '标记“台账补录本季度调解结果”已完成' }).click();
    await expect.poll(() => page.url()).toContain('done=ticked');
    expect(await page.getByRole('button', { name: '重新打开“台账补录本季度调解结果”' }).count()).toBe(1);
    await page.screenshot({ path: join(screens, 'inspection.png'), fullPage: true });

    await page.getByRole('link', { name: '站点考核' }).first().click();
    await expect.poll(() => page.url()).toContain('/t/xuhui/scorecards');
    const live_ = page.getByRole('table', { name: /实时计算/ });
    // The page may still be arriving when its address has changed: wait for the table's rows.
    await expect.poll(() => live_.locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await live_.getByText(XUJIAHUI).count()).toBe(1);
    // Inspectors read the scorecard; the weights are the bureau's.
    expect(await page.getByRole('button', { name: '保存考核设置' }).count()).toBe(0);
    await context.close();
  }, 240_000);

  it('lets the bureau administrator set the weights and grading, publish, and download the ranking', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInFirstTime(page, live.url, 'xuhui', 'Inspections-pass-2026');

    await page.goto(`${live.url}/t/xuhui/scorecards`);
    const save = page.getByRole('button', { name: '保存考核设置' });
    await page.getByLabel('基础工作', { exact: true }).fill('30');
    await save.click();
    expect(await page.getByText('基础工作、工作成效和满意度的权重之和须为 100。').count()).toBeGreaterThan(0);
    await page.getByLabel('基础工作', { exact: true }).fill('20');
    await page.getByLabel('工作成效', { exact: true }).fill('70');
    await page.getByLabel('满意度', { exact: true }).fill('10');
    // The grades still earn up to 20 points: refused next to each grade above 10.
    await save.click();
    await expect.poll(() => page.getByText('等级得分不能超过满意度权重。').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('满意度', { exact: true }).inputValue()).toBe('10');
    for (const [label, value] of [
      ['A 级满意率不低于（%）', '92.5'],
      ['A 级得分', '10'],
      ['B 级满意率不低于（%）', '85'],
      ['B 级得分', '8.5'],
      ['C 级满意率不低于（%）', '70'],
      ['C 级得分', '6'],
      ['D 级得分', '2'],
    ] as const)
      await page.getByLabel(label, { exact: true }).fill(value);
    await save.click();
    await expect.poll(() => page.url()).toContain('done=settings');
    // The address changes as the navigation starts; the saved settings show once its loader answered.
    await expect
      .poll(() => page.getByText('当前权重：基础工作 20 分，工作成效 70 分，满意度 10 分。').count())
      .toBe(1);
    await expect
      .poll(() =>
        page
          .getByText(
            '当前满意度分级：A 级 ≥92.5% 得 10 分，B 级 ≥85% 得 8.5 分，C 级 ≥70% 得 6 分，其余 D 级得 2 分。',
          )
          .count(),
      )
      .toBe(1);
    await page.getByRole('button', { name: /^发布 .* 考核结果$/ }).click();
    await expect.poll(() => page.url()).toContain('done=published');
    const published = page.getByRole('table', { name: /已发布的考核结果/ });
    // The URL changes before the new page is in: wait for its table.
    await expect.poll(() => published.count()).toBe(1);
    await page.screenshot({ path: join(screens, 'scorecards.png'), fullPage: true });

    // The published ranking as XLSX: Chinese headers, and each station's rank, name and points as on the screen.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^下载已发布的 .* 考核结果（XLSX）$/ }).click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path()) as string);
    const sheet = book.worksheets[0];
    const sheetRows: string[][] = [];
    sheet?.eachRow((row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      sheetRows.push(values.map((v) => (typeof v === 'number' ? v.toFixed(2) : String(v ?? ''))));
    });
    const header = sheetRows.findIndex((r) => r[0] === '名次');
    expect(sheetRows[header]?.slice(0, 6)).toEqual([
      '名次',
      '工作站',
      '总分',
      '基础工作得分',
      '工作成效得分',
      '满意度得分',
    ]);
    const screenRows = await published
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim() ?? ''),
        ),
      );
    expect(screenRows.length).toBeGreaterThan(1);
    expect(
      sheetRows
        .slice(header + 1, header + 1 + screenRows.length)
        .map((r) => [String(Number(r[0])), ...r.slice(1, 6)]),
    ).toEqual(screenRows.map((r) => r.slice(0, 6)));
    const gradingAt = sheetRows.findIndex((r) => r[0] === '满意度分级');
    expect(sheetRows[gradingAt + 2]).toEqual(['A', '92.50', '10.00']);
    await context.close();
  }, 240_000);
});
