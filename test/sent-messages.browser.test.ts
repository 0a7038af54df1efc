import { startAliyunSmsStandin } from '@linju/message-providers/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAsDemo, signInFirstTime, useDemoStack } from './demo-stack.ts';

/**
 * The outbox loop on one laptop, in Chromium against the real stack: the demo district's intakes
 * queued SMS receipts, the worker's pass sent them through the `log` channel, and the bureau
 * administrator finds them under 系统设置 → 已发消息, recipients masked. A desk officer has no such
 * page. Then the administrator switches the district to Alibaba Cloud SMS on 消息通道 — here a
 * stand-in of its API that checks every signature, where the operator's `LINJU_MESSAGE_ENDPOINTS`
 * sends — and the next intake's receipt reaches it. JavaScript off: the pages are server-rendered.
 */
let aliyun: Awaited<ReturnType<typeof startAliyunSmsStandin>>;
beforeAll(async () => {
  aliyun = await startAliyunSmsStandin({
    accessKeyId: 'LTAI-xuhui',
    accessKeySecret: 'xuhui-secret-2026',
    templates: ['SMS_480001'],
  });
});
afterAll(() => aliyun?.close());
const live = useDemoStack('messages', {
  env: () => ({ LINJU_MESSAGE_ENDPOINTS: `aliyun-sms=${aliyun.url}` }),
});

describe('sent messages', () => {
  it('shows the bureau administrator the delivered receipts, masked; switches the district to Alibaba Cloud SMS, which sends the next receipt; not the front desk', async () => {
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

    await page.getByRole('link', { name: '消息通道设置' }).click();
    const sms = page.getByRole('region', { name: '短信' });
    expect(await sms.getByText('当前使用：仅记录（演示）').count()).toBe(1);
    const form = sms.locator('details').filter({ has: page.getByText('阿里云短信', { exact: true }) });
    await form.locator('summary').click();
    await form.getByLabel('AccessKey ID').fill('LTAI-xuhui');
    await form.getByLabel('AccessKey Secret').fill('xuhui-secret-2026');
    await form.getByLabel('受理回执：模板 ID').fill('SMS_480001');
    await form.getByLabel('受理回执：变量名').fill('caseNo');
    await form.getByRole('button', { name: '保存为阿里云短信' }).click();
    // The signature is required: refused in words next to the field, what was typed kept.
    expect(await page.getByText('短信签名：未填写或填写有误').count()).toBeGreaterThan(0);
    const again = page.getByRole('region', { name: '短信' }).locator('details[open]');
    expect(await again.getByLabel('受理回执：模板 ID').inputValue()).toBe('SMS_480001');
    await again.getByLabel('短信签名').fill('徐汇司法');
    await again.getByLabel('AccessKey ID').fill('LTAI-xuhui');
    await again.getByLabel('AccessKey Secret').fill('xuhui-secret-2026');
    await again.getByRole('button', { name: '保存为阿里云短信' }).click();
    expect(await page.getByText('短信通道已保存。').count()).toBe(1);
    expect(await page.getByRole('region', { name: '短信' }).getByText('当前使用：阿里云短信').count()).toBe(
      1,
    );
    // The secret never comes back into the page.
    expect(await page.content()).not.toContain('xuhui-secret-2026');
    await context.close();

    const desk = await live.browser.newPage();
    await signInAsDemo(desk, live.url, 'desk');
    expect(await desk.getByRole('link', { name: '已发消息' }).count()).toBe(0);
    await desk.goto(`${live.url}/t/xuhui/messages`);
    expect(await desk.getByRole('heading', { level: 1, name: '已发消息' }).count()).toBe(0);

    // The next intake's receipt goes out through Alibaba Cloud, signed, with the registered template.
    await desk.goto(`${live.url}/t/xuhui/cases/new`);
    await desk.getByLabel('姓名', { exact: true }).fill('蒋玉兰');
    await desk.getByLabel('电话', { exact: true }).fill('13912340777');
    await desk.getByLabel('服务类型').selectOption('consultation');
    await expect.poll(() => desk.getByLabel('咨询主题').count()).toBe(1);
    await desk.getByLabel('案件描述').fill('邻居装修噪音扰民，想了解如何维权');
    await desk.getByLabel('咨询主题').fill('装修噪音');
    await desk.getByLabel('咨询渠道').selectOption('walk-in');
    await desk.getByLabel('问题描述').fill('楼上装修每天早上七点开工，物业协调无果');
    await desk.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => desk.textContent('body')).toMatch(/XH-\d{4}-\d{6}/);
    await expect
      .poll(() => aliyun.sent.filter((m) => m.phone === '13912340777').length, { timeout: 30_000 })
      .toBe(1);
    expect(aliyun.sent.find((m) => m.phone === '13912340777')).toMatchObject({
      signName: '徐汇司法',
      templateCode: 'SMS_480001',
      params: { caseNo: expect.stringMatching(/^XH-\d{4}-\d{6}$/) },
    });
    await desk.close();
  }, 240_000);
});
