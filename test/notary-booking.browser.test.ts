import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, expectNoSeriousAxeViolationsWithoutScripts } from './axe.ts';
import { screens, useDemoStack } from './demo-stack.ts';
import { phonePage } from './resident-phone.ts';
import { smsCodeFromDemoStack } from './resident-sms.ts';

/**
 * 公证预约 on the residents' site (issue #18): on a 360 px phone, with JavaScript off and on, a
 * resident goes from 预约 to the notary's booking screen, proves their phone by SMS code, books a
 * will notarization at a free time of the demo notary office, sees the confirmation with the case
 * number, the time, the place and what to bring, and cancels it. Every page passes axe.
 */
const live = useDemoStack('notary-booking');

/** axe on the page; without JavaScript, on its document shown again where axe may run. */
const axe = (page: Page, js: boolean, name: string) =>
  js ? expectNoSeriousAxeViolations(page, name) : expectNoSeriousAxeViolationsWithoutScripts(page, name);

/** The text is on the page once the post was answered (a new document without JavaScript, a fetch with it). */
const shows = (page: Page, text: string) =>
  expect.poll(() => page.getByText(text).count(), { timeout: 20_000 }).toBeGreaterThan(0);

describe('booking a notary appointment on the public site (公证预约)', () => {
  it.each([
    ['off', false, '13766610001'],
    ['on', true, '13766610002'],
  ] as const)(
    'with JavaScript %s: verify, book a free time, see the confirmation, cancel',
    async (_, js, PHONE) => {
      const page = await phonePage(live.browser, js);
      await page.goto(`${live.url}/t/xuhui/public/book`);
      await page.getByRole('link', { name: '去预约' }).click();
      await page.waitForURL((url) => url.pathname === '/t/xuhui/public/verify');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/t/xuhui/public/notary/book');

      await page.getByLabel('手机号码').fill(PHONE);
      await page.getByRole('button', { name: '获取验证码' }).click();
      await shows(page, '验证码已发送至');
      await page.getByLabel('短信验证码').fill(await smsCodeFromDemoStack(live.dataDir, 'xuhui', PHONE));
      await page.getByRole('button', { name: '验证', exact: true }).click();
      await page.waitForURL(`${live.url}/t/xuhui/public/notary/book`);
      await shows(page, '您目前没有待办的公证预约。');
      expect(await page.getByRole('heading', { level: 1, name: '公证预约' }).count()).toBe(1);
      await axe(page, js, 'notary booking');

      // Nothing chosen: the refusal is in words next to the fields, not a JSON page.
      await page.getByText('预约办理', { exact: true }).click();
      await page.getByRole('button', { name: '确认预约' }).click();
      await shows(page, '请选择公证事项。');
      await shows(page, '请选择一个空闲时段。');

      await page.getByLabel('遗嘱公证').check();
      await page.locator('input[name="slotId"]:not([disabled])').first().check();
      await page.getByLabel('申请人姓名').fill('赵文华');
      await page.getByRole('button', { name: '确认预约' }).click();
      await shows(page, '预约成功');
      const confirmation = page.locator('section', { hasText: '预约成功' });
      await expect.poll(() => confirmation.textContent()).toMatch(/案件编号\s*XH-/);
      await expect.poll(() => confirmation.textContent()).toContain('请携带：');
      await expect.poll(() => confirmation.textContent()).toContain('立遗嘱人身份证件');
      expect(page.url()).not.toContain(PHONE);
      await page.screenshot({
        path: join(screens, `public-notary-booked-360-js-${js ? 'on' : 'off'}.png`),
        fullPage: true,
      });
      await axe(page, js, 'notary booked');

      await page.getByText(/^取消预约 /).click();
      await page.getByRole('button', { name: '取消这个预约' }).click();
      await shows(page, '预约已取消，名额已释放。');
      await shows(page, '您目前没有待办的公证预约。');
      await page.context().close();
    },
  );
});
