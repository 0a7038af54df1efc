import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations, expectNoSeriousAxeViolationsWithoutScripts } from './axe.ts';
import { signInFirstTime, useDemoStack } from './demo-stack.ts';

/**
 * The suggestion box (便民信箱, issue 18) in Chromium against the real stack: a resident on a
 * 360 px phone leaves messages on the district's public site, with JavaScript off and on; the
 * bureau administrator answers one in the admin app; the answer the resident made public shows on
 * the site. Every state of the public page passes axe.
 */
const live = useDemoStack('suggestions');
const PHONE = { width: 360, height: 740 };
const boxUrl = () => `${live.url}/t/xuhui/public/suggestions`;

async function leaveMessage(page: Page, topic: string, text: string, makePublic: boolean) {
  await page.getByLabel('留言类别').selectOption({ label: topic });
  await page.getByLabel('留言内容').fill(text);
  if (makePublic) await page.getByLabel(/同意在本网站公开问答/).check();
  await page.getByRole('button', { name: '提交留言' }).click();
}

describe('the suggestion box', () => {
  for (const javaScriptEnabled of [false, true]) {
    it(`takes a resident's message on a phone with JavaScript ${javaScriptEnabled ? 'on' : 'off'}, errors in words`, async () => {
      const context = await live.browser.newContext({ locale: 'zh-CN', viewport: PHONE, javaScriptEnabled });
      const page = await context.newPage();
      // A step that cannot happen fails naming itself rather than running into the test's timeout.
      page.setDefaultTimeout(15_000);
      const axe = javaScriptEnabled
        ? expectNoSeriousAxeViolations
        : expectNoSeriousAxeViolationsWithoutScripts;
      const response = await page.goto(boxUrl());
      expect(response?.status()).toBe(200);
      expect(await page.getByRole('heading', { level: 1, name: '便民信箱' }).count()).toBe(1);
      await axe(page, 'suggestion box');

      // Nothing typed: each field says what is wrong, next to it.
      await page.getByRole('button', { name: '提交留言' }).click();
      await expect.poll(() => page.getByText('请选择留言类别。').count()).toBe(1);
      expect(await page.getByText('请填写此项。').count()).toBe(1);
      await axe(page, 'suggestion box, refused');

      await leaveMessage(page, '咨询', javaScriptEnabled ? '租房押金不退怎么办？' : '公证需要预约吗？', true);
      await expect.poll(() => page.getByText('留言已收到').count()).toBe(1);
      expect(new URL(page.url()).search).toBe('?done=1');
      await axe(page, 'suggestion box, taken');
      // As wide as the phone, nothing scrolls sideways (measured by a script: with JavaScript on).
      if (javaScriptEnabled)
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          PHONE.width,
        );
      await context.close();
    }, 120_000);
  }

  it('is answered by the bureau administrator, and the public answer shows on the site', async () => {
    const context = await live.browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false });
    const page = await context.newPage();
    await signInFirstTime(page, live.url, 'xuhui', 'Suggestions-pass-2026');
    await page.getByRole('link', { name: '便民信箱' }).click();
    expect(await page.getByRole('heading', { level: 1, name: '便民信箱' }).count()).toBe(1);
    const row = page.getByRole('row').filter({ hasText: '公证需要预约吗？' });
    expect(await row.getByRole('cell', { name: '待答复' }).count()).toBe(1);
    expect(await row.getByText('匿名，不通知').count()).toBe(1);
    await row.getByRole('link', { name: '答复' }).click();

    // An empty answer is refused in words; the typed answer then goes through.
    await page.locator('#answer summary').click();
    await page.locator('#answer').getByRole('button', { name: '答复' }).click();
    await expect.poll(() => page.locator('#answer').getByText('请填写此项。').count()).toBe(1);
    await page.getByRole('textbox', { name: '答复内容' }).fill('公证请先在网上预约，携带身份证前来。');
    await page.locator('#answer').getByRole('button', { name: '答复' }).click();
    await expect.poll(() => page.getByText('已答复。').count()).toBe(1);
    expect(
      await page
        .getByRole('row')
        .filter({ hasText: '公证需要预约吗？' })
        .getByRole('cell', { name: '已答复' })
        .count(),
    ).toBe(1);
    await expectNoSeriousAxeViolationsWithoutScripts(page, 'staff suggestion box');

    const resident = await live.browser.newContext({
      locale: 'zh-CN',
      viewport: PHONE,
      javaScriptEnabled: false,
    });
    const site = await resident.newPage();
    await site.goto(boxUrl());
    const answered = site.getByRole('region', { name: '已答复的留言' });
    expect(await answered.getByText('公证请先在网上预约，携带身份证前来。').count()).toBe(1);
    expect(await answered.getByText('公证需要预约吗？').count()).toBe(1);
    // The other message was not answered: it is not shown.
    expect(await answered.getByText('租房押金不退怎么办？').count()).toBe(0);
    await expectNoSeriousAxeViolationsWithoutScripts(site, 'suggestion box with an answer');
    await resident.close();
    await context.close();
  }, 240_000);
});
