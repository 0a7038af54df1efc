import { join } from 'node:path';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, screens, signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * Inspections and station scorecards in Chromium against the real stack, forms without any
 * script: the demo inspector records an inspection of the Xujiahui station (a score over the
 * item's maximum is refused first), ticks its rectification item off and reads the quarter's
 * scorecard; the bureau administrator sets the weights (refused until they add up to 100) and
 * publishes the quarter.
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
    await page.getByLabel('整改事项 1 期限').fill('2099-01-31');
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
    expect(await live_.locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await live_.getByText(XUJIAHUI).count()).toBe(1);
    // Inspectors read the scorecard; the weights are the bureau's.
    expect(await page.getByRole('button', { name: '保存权重' }).count()).toBe(0);
    await context.close();
  }, 240_000);

  it('lets the bureau administrator set the weights, refused unless they add up to 100, and publish', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${live.url}/t/xuhui/login`);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.url()).toMatch(/totp-setup/);
    const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
    await page.getByLabel('验证码').fill(generateTOTP(decodeBase32IgnorePadding(secret), 30, 6));
    await page.locator('main button[type=submit]').click();
    await expect.poll(() => page.url()).toMatch(/change-password/);
    await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('Inspections-pass-2026');
    await page.getByLabel('再次输入新密码').fill('Inspections-pass-2026');
    await page.locator('main button[type=submit]').click();
    await expect.poll(() => page.url()).toMatch(/\/t\/xuhui$/);

    await page.goto(`${live.url}/t/xuhui/scorecards`);
    await page.getByLabel('基础工作').fill('30');
    await page.getByRole('button', { name: '保存权重' }).click();
    expect(await page.getByText('基础工作、工作成效和满意度的权重之和须为 100。').count()).toBeGreaterThan(0);
    await page.getByLabel('基础工作').fill('20');
    await page.getByLabel('工作成效').fill('80');
    await page.getByLabel('满意度').fill('0');
    await page.getByRole('button', { name: '保存权重' }).click();
    await expect.poll(() => page.url()).toContain('done=weights');
    expect(await page.getByText('当前权重：基础工作 20 分，工作成效 80 分，满意度 0 分。').count()).toBe(1);
    await page.getByRole('button', { name: /^发布 .* 考核结果$/ }).click();
    await expect.poll(() => page.url()).toContain('done=published');
    expect(await page.getByRole('table', { name: /已发布的考核结果/ }).count()).toBe(1);
    await page.screenshot({ path: join(screens, 'scorecards.png'), fullPage: true });
    await context.close();
  }, 240_000);
});
