import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * The outbox loop on one laptop, in Chromium against the real stack: the demo district's intakes
 * queued SMS receipts, the worker's pass sent them through the `log` channel, and the bureau
 * administrator finds them under 系统设置 → 已发消息, recipients masked. A desk officer has no such
 * page. JavaScript off: the page is server-rendered.
 */
const live = useDemoStack('messages');

describe('sent messages', () => {
  it('shows the bureau administrator the delivered intake receipts, masked; not the front desk', async () => {
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
    await page.getByLabel('新密码', { exact: true }).fill('Messages-pass-2026');
    await page.getByLabel('再次输入新密码').fill('Messages-pass-2026');
    await page.locator('main button[type=submit]').click();
    await expect.poll(() => page.url()).toMatch(/\/t\/xuhui$/);

    await page.getByRole('link', { name: '已发消息' }).click();
    expect(await page.getByRole('heading', { level: 1, name: '已发消息' }).count()).toBe(1);
    const receipt = page.getByRole('row').filter({ hasText: '受理回执' }).filter({ hasText: '139****5012' });
    // The worker's pass runs on its own beat: reload until it has sent the seed's receipts.
    await expect
      .poll(
        async () => {
          await page.reload();
          return receipt.filter({ hasText: '已送达' }).count();
        },
        { timeout: 90_000, interval: 2_000 },
      )
      .toBe(1);
    expect(await receipt.getByRole('cell', { name: '短信' }).count()).toBe(1);
    expect(await page.getByText('13916605012').count()).toBe(0);
    await context.close();

    const desk = await live.browser.newPage();
    await signInAsDemo(desk, live.url, 'desk');
    expect(await desk.getByRole('link', { name: '已发消息' }).count()).toBe(0);
    await desk.goto(`${live.url}/t/xuhui/messages`);
    expect(await desk.getByRole('heading', { level: 1, name: '已发消息' }).count()).toBe(0);
    await desk.close();
  }, 240_000);
});
