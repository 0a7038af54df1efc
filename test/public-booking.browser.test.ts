import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translate } from '../packages/i18n/src/index.ts';
import { seriousAxeViolations } from './axe.ts';
import { screens, signInAsDemoManager, useDemoStack } from './demo-stack.ts';

/**
 * 预约 on the residents' site (issue #18): on a 360 px phone, with JavaScript off and on, a
 * resident finds the duty lawyer's open times a station head put on the rota, full ones said, and
 * is sent to prove their phone before booking. The page has no serious axe violation.
 */
const live = useDemoStack('public-booking');
const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, params);

/** Tomorrow in Shanghai and its ISO weekday, as the rota counts it. */
const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
  new Date(Date.now() + 86_400_000),
);
const weekday = ((new Date(`${tomorrow}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

const phone = (browser: Browser, javaScriptEnabled: boolean) =>
  browser
    .newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 }, javaScriptEnabled })
    .then((context) => context.newPage());

async function putSlotOnRota(page: Page) {
  await signInAsDemoManager(page, live.url, 'station');
  await page.goto(`${live.url}/t/xuhui/rosters`);
  await page.getByText(t('rosters.add_heading')).click();
  await page.locator('#slot-weekday').selectOption(String(weekday));
  await page.locator('#slot-startsAt').fill('09:00');
  await page.locator('#slot-endsAt').fill('11:00');
  await page.locator('#slot-personName').fill('值班律师 陈律师');
  await page.locator('#slot-capacity').fill('2');
  await page.getByRole('button', { name: t('rosters.add_submit') }).click();
  await expect.poll(() => page.url()).toContain('done=added');
}

describe('booking a duty lawyer on the public site (预约)', () => {
  it('shows the rota’s open times at 360 px and sends an unverified resident to prove their phone first', async () => {
    const staff = await live.browser.newContext({ locale: 'zh-CN' }).then((c) => c.newPage());
    await putSlotOnRota(staff);
    await staff.context().close();

    for (const javaScript of [false, true]) {
      const page = await phone(live.browser, javaScript);
      const response = await page.goto(`${live.url}/t/xuhui/public/book`);
      expect(response?.status()).toBe(200);
      const slot = page.locator('li', { hasText: '值班律师 陈律师' }).filter({ hasText: tomorrow });
      await expect.poll(() => slot.count()).toBe(1);
      await expect.poll(() => slot.textContent()).toContain(t('publicBooking.places_left', { count: 2 }));
      expect(await page.getByRole('link', { name: t('publicBooking.verify') }).count()).toBe(1);
      await page.screenshot({
        path: join(screens, `public-book-360-js-${javaScript ? 'on' : 'off'}.png`),
        fullPage: true,
      });
      // axe runs in the page's own script: it can only check with JavaScript on (the same server-rendered page).
      if (javaScript) expect(await seriousAxeViolations(page)).toEqual([]);
      await slot.getByRole('button').click();
      await expect.poll(() => page.url()).toContain('/t/xuhui/public/verify?next=');
      expect(decodeURIComponent(page.url())).toContain('/t/xuhui/public/book');
      await page.context().close();
    }
  });
});
