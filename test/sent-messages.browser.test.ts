import { describe, expect, it } from 'vitest';
import { signInAsDemo, signInFirstTime, useDemoStack } from './demo-stack.ts';

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
    await signInFirstTime(page, live.url, 'xuhui', 'Messages-pass-2026');

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
