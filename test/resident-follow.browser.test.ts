import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { signInAsDemo, useDemoStack } from './demo-stack.ts';
import { phonePage } from './resident-phone.ts';
import { smsCodeFromDemoStack } from './resident-sms.ts';

/**
 * A resident on a 360 px phone, JavaScript off and then on: asks to follow their matters, is sent
 * to verify their phone, gets the SMS code (read from the stack's outbox, as the provider gets it),
 * and comes back to their matters and one matter's page; with JavaScript on, the mediator then
 * leaves 王秀英 a message on her case, which her matter's page shows. Every page passes axe.
 */
const live = useDemoStack('resident-follow');
// Residents of the demo seed with a matter in 徐汇 (王秀英, 吴佩琴): one per run, a code a minute each.
const maskOf = (phone: string) => `${phone.slice(0, 3)}****${phone.slice(-4)}`;

/**
 * axe on the server-rendered page. axe-core runs on timers, which a page without JavaScript never
 * fires: the pass with JavaScript on checks the same server-rendered pages.
 */
const axe = async (page: Page, js: boolean, name: string) => {
  if (js) await expectNoSeriousAxeViolations(page, name);
};

/** The text is on the page once the post was answered (a new document without JavaScript, a fetch with it). */
const shows = (page: Page, text: string) =>
  expect.poll(() => page.getByText(text).count(), { timeout: 20_000 }).toBeGreaterThan(0);

describe('a resident follows their matters', () => {
  it.each([
    ['off', false, '13917708823', false],
    ['on', true, '13916605012', true],
  ] as const)(
    'with JavaScript %s: verify by SMS code, then the list and a matter',
    async (_, js, PHONE, handlerWrites) => {
      const code = () => smsCodeFromDemoStack(live.dataDir, 'xuhui', PHONE);
      const page = await phonePage(live.browser, js);
      await page.goto(`${live.url}/t/xuhui/public/follow`);
      expect(new URL(page.url()).pathname).toBe('/t/xuhui/public/verify');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/t/xuhui/public/follow');
      await axe(page, js, 'verify: the phone');

      // A landline gets words, not a JSON page.
      await page.getByLabel('手机号码').fill('021-64870000');
      await page.getByRole('button', { name: '获取验证码' }).click();
      await shows(page, '请填写11位手机号码');

      await page.getByLabel('手机号码').fill(PHONE);
      await page.getByRole('button', { name: '获取验证码' }).click();
      await shows(page, `验证码已发送至 ${maskOf(PHONE)}`);
      expect(page.url()).not.toContain(PHONE);
      await axe(page, js, 'verify: the code');

      await page.getByLabel('短信验证码').fill('000000' === (await code()) ? '111111' : '000000');
      await page.getByRole('button', { name: '验证', exact: true }).click();
      await shows(page, '验证码不正确，还可再试 4 次');

      await page.getByLabel('短信验证码').fill(await code());
      await page.getByRole('button', { name: '验证', exact: true }).click();
      await page.waitForURL(`${live.url}/t/xuhui/public/follow`);
      await shows(page, '我的事项');
      expect(await page.getByRole('heading', { level: 1, name: '我的事项' }).count()).toBe(1);
      expect(await page.getByText(maskOf(PHONE), { exact: false }).count()).toBe(1);
      await axe(page, js, 'follow');

      // A number that is not the phone's reveals nothing.
      await page.getByLabel('事项编号').fill('XH-0000-000000');
      await page.getByRole('button', { name: '按编号查找' }).click();
      await shows(page, '在您验证的手机号名下没有找到这个编号的事项');

      const first = page.locator('a[href*="/public/follow/"]').first();
      const number = (await first.textContent()) ?? '';
      await first.click();
      await page.waitForURL(/\/t\/xuhui\/public\/follow\/[0-9a-f-]{36}$/);
      await shows(page, '办理进度');
      expect(await page.getByRole('heading', { level: 1, name: `事项 ${number}` }).count()).toBe(1);
      expect(await page.getByRole('heading', { name: '办理进度' }).count()).toBe(1);
      expect(await page.getByRole('heading', { name: '接下来' }).count()).toBe(1);
      expect(page.url()).not.toContain(PHONE);
      await axe(page, js, 'a matter');

      if (handlerWrites) {
        // 王秀英's neighbour dispute is the mediator's: they leave her a message on the case page.
        const caseId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
        const staff = await live.browser.newPage();
        await signInAsDemo(staff, live.url, 'mediator');
        await staff.goto(`${live.url}/t/xuhui/cases/${caseId}`);
        await staff.getByText('给群众留言', { exact: true }).click();
        await staff.getByLabel('留言内容').fill('请于周三上午携带身份证到司法所参加调解。');
        await staff.getByRole('button', { name: '留言并短信通知' }).click();
        await expect
          .poll(() => staff.getByText('请于周三上午携带身份证到司法所参加调解。').count())
          .toBeGreaterThan(0);
        await staff.close();

        await page.reload();
        expect(await page.getByRole('heading', { name: '承办人留言' }).count()).toBe(1);
        expect(await page.getByText('请于周三上午携带身份证到司法所参加调解。').count()).toBe(1);
        await axe(page, js, 'a matter with a message');
      }
      await page.context().close();
    },
    180_000,
  );
});
