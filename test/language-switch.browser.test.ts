import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Locale, type MessageKey, translate } from '../packages/i18n/src/index.ts';
import { signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * The admin's language switch in Chromium against the real stack, now that a page's bundle carries
 * one language's catalogue: the page loads the catalogue of its language only, hydrates with it,
 * and switching (with JavaScript, a client navigation) loads the other on the way and shows the
 * page in it, back and forth; without JavaScript the switch is a plain form post.
 */
const live = useDemoStack('language-switch');

const CATALOGUE_CHUNK = /\/assets\/(zh-cn|en)-[\w-]+\.js$/;

/** The catalogue chunks the page has requested so far, by file name's language. */
function catalogueRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request: Request) => {
    const found = CATALOGUE_CHUNK.exec(new URL(request.url()).pathname)?.[1];
    if (found) seen.push(found);
  });
  return seen;
}

/** The page's language and the case page's timeline heading in it, once hydration or a switch settled. */
async function showsLanguage(page: Page, locale: Locale) {
  const t = (key: MessageKey) => translate(locale, key);
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(locale);
  await expect
    .poll(() => page.getByRole('heading', { name: t('casePage.timeline_heading') }).count())
    .toBe(1);
  await expect
    .poll(() =>
      page
        .getByRole('button', {
          name: translate(locale === 'en' ? 'zh-CN' : 'en', `locale.${locale === 'en' ? 'zh-CN' : 'en'}`),
        })
        .count(),
    )
    .toBe(1);
}

/** A walk-in consultation taken in at the front desk; returns the case page's path. */
async function takeIn(page: Page) {
  await page.goto(`${live.url}/t/xuhui/cases/new`);
  await page.getByLabel('姓名', { exact: true }).fill('韩先生');
  await page.getByLabel('电话', { exact: true }).fill('13812340377');
  await page.getByLabel('服务类型').selectOption('consultation');
  await expect.poll(() => page.getByLabel('咨询主题').count()).toBe(1);
  await page.getByLabel('案件描述').fill('物业费争议，咨询如何维权');
  await page.getByLabel('咨询主题').fill('物业纠纷');
  await page.getByLabel('咨询渠道').selectOption('walk-in');
  await page.getByLabel('问题描述').fill('物业费争议，咨询如何维权');
  await page.getByRole('button', { name: '受理' }).click();
  await page.getByRole('link', { name: '打开案件' }).click();
  await expect.poll(() => page.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

describe('the language switch', () => {
  it('loads only the page language’s catalogue, and the other on switching, without a page load', async () => {
    const context = await live.browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const faults: string[] = [];
    page.on('pageerror', (error) => faults.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') faults.push(message.text());
    });
    await signInAsDemo(page, live.url, 'desk');
    const casePath = await takeIn(page);

    const requested = catalogueRequests(page);
    await page.goto(`${live.url}${casePath}`);
    await showsLanguage(page, 'zh-CN');
    // Hydrated: React Router's router exists only once the page hydrates (a switch below must not load the document again).
    await expect.poll(() => page.evaluate(() => '__reactRouterDataRouter' in window)).toBe(true);
    expect(requested).toEqual(['zh-cn']);
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    await page.getByRole('button', { name: 'English' }).click();
    await showsLanguage(page, 'en');
    expect(requested).toEqual(['zh-cn', 'en']);
    // A client navigation, not a new document: the catalogue came on the way.
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

    await page.getByRole('button', { name: '中文' }).click();
    await showsLanguage(page, 'zh-CN');
    // Both languages are at hand now: switching back asks for nothing more.
    expect(requested).toEqual(['zh-cn', 'en']);
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);

    // An English page loaded afresh fetches the English catalogue alone and hydrates with it.
    await page.getByRole('button', { name: 'English' }).click();
    await showsLanguage(page, 'en');
    const fresh = await context.newPage();
    fresh.on('pageerror', (error) => faults.push(error.message));
    const freshRequests = catalogueRequests(fresh);
    await fresh.goto(`${live.url}${casePath}`);
    await showsLanguage(fresh, 'en');
    await expect.poll(() => fresh.evaluate(() => '__reactRouterDataRouter' in window)).toBe(true);
    expect(freshRequests).toEqual(['en']);
    // No hydration mismatch or missing catalogue on the way.
    expect(faults).toEqual([]);
    await context.close();
  });

  it('switches without JavaScript', async () => {
    const signedIn = await live.browser.newContext({ locale: 'zh-CN' });
    const page = await signedIn.newPage();
    await signInAsDemo(page, live.url, 'desk');
    const casePath = await takeIn(page);
    const context = await live.browser.newContext({
      locale: 'zh-CN',
      javaScriptEnabled: false,
      storageState: await signedIn.storageState(),
    });
    const plain = await context.newPage();
    await plain.goto(`${live.url}${casePath}`);
    await showsLanguage(plain, 'zh-CN');
    await plain.getByRole('button', { name: 'English' }).click();
    await showsLanguage(plain, 'en');
    expect(new URL(plain.url()).pathname).toBe(casePath);
    await plain.getByRole('button', { name: '中文' }).click();
    await showsLanguage(plain, 'zh-CN');
    await context.close();
    await signedIn.close();
  });
});
