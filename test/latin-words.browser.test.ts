import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, useDemoStack } from './demo-stack.ts';

/**
 * One language (issue #17): every zh-CN page a role reaches from the navigation speaks Chinese.
 * Each demo role signs in, follows every link of the navigation, and the visible text of each page
 * is read for Latin words. Allowed: brand and format names, units and the language switch; data
 * shown as data (case numbers, addresses, e-mail, times, hashes) is taken out before reading.
 */
const live = useDemoStack('latin-words');

/** The demo's people, one a role (the administrator and the director enrol a second factor first). */
const ROLES = [
  'admin',
  'desk',
  'mediator',
  'court',
  'director',
  'station',
  'lawyer',
  'notary',
  'legalaid',
  'appraiser',
  'publicity',
  'volunteer',
  'inspector',
  'appraisal-institute',
];

/** Names and units a Chinese page writes in Latin letters, as Chinese readers expect them. */
const ALLOWED = new Set([
  'English', // the language switch names its language in that language
  'PDF',
  'Excel',
  'XLSX',
  'CSV',
  'UTF',
  'GBK',
  'GB',
  'ID',
  'QR',
  'MB',
  'KB',
  'km',
  'API',
  'OpenAPI',
  'HSDS',
  'WeChat',
  'Linju',
]);

/** Data shown as data, taken out before the words are read: it is what it is in any language. */
const DATA = [
  /https?:\/\/\S+/g, // addresses
  /[\w.+-]+@[\w.-]+\.[a-z]{2,}/gi, // e-mail
  /\b[A-Z]{1,6}-\d{4}-\d{6}\b/g, // case numbers (XH-2026-000123)
  /\b[0-9a-f]{8,}\b/gi, // ids and hashes
  /\b[A-Za-z]*\d[\w-]*\b/g, // anything with a digit in it: references, versions, codes of the partner's own
];

/** The Latin words of a page's visible text that are neither allowed nor data. */
function latinWords(text: string): string[] {
  const stripped = DATA.reduce((rest, pattern) => rest.replace(pattern, ' '), text);
  const words = stripped.match(/[A-Za-z]{2,}/g) ?? [];
  return [...new Set(words.filter((word) => !ALLOWED.has(word)))];
}

/**
 * The page's visible text without what is data or deliberately another language: code (user
 * names, commands, division codes), text marked `lang` other than Chinese (a district's English
 * name), `translate="no"`, and what is hidden from readers (a colour sample).
 */
async function visibleProse(page: Page): Promise<string> {
  return page.evaluate(() => {
    const aside = 'code, pre, kbd, samp, [translate="no"], [aria-hidden="true"], [lang]:not([lang|="zh"])';
    for (const element of document.body.querySelectorAll<HTMLElement>(aside)) element.style.display = 'none';
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is read, not scripts or closed details
    return document.body.innerText;
  });
}

/** Signs in as the demo does, enrolling the second factor and choosing a new password where asked. */
async function signIn(page: Page, base: string, username: string) {
  await page.goto(`${base}/t/xuhui/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.url()).toMatch(/\/t\/xuhui(\/login\/totp-setup|\/change-password)?$/);
  if (page.url().endsWith('totp-setup')) {
    const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
    await page.getByLabel('验证码').fill(generateTOTP(decodeBase32IgnorePadding(secret), 30, 6));
    await page.locator('main button[type=submit]').click();
    await expect.poll(() => page.url()).toMatch(/\/t\/xuhui(\/change-password)?$/);
  }
  if (page.url().endsWith('change-password')) {
    await page.getByLabel('当前密码').fill(DEMO_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('Latin-words-2026');
    await page.getByLabel('再次输入新密码').fill('Latin-words-2026');
    await page.locator('main button[type=submit]').click();
    await expect.poll(() => page.url()).toMatch(/\/t\/xuhui$/);
  }
}

/** The district's pages the navigation links to, as the person sees it. */
async function navigationLinks(page: Page, base: string): Promise<string[]> {
  const hrefs = await page
    .locator('nav a[href^="/t/xuhui"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return [...new Set([`/t/xuhui`, ...hrefs.map((href) => href.split('#')[0] ?? href)])]
    .filter((href) => !/logout|locale/.test(href))
    .map((href) => `${base}${href}`);
}

describe('one language', () => {
  it('shows no Latin words on any zh-CN page a role reaches from the navigation', async () => {
    const found: string[] = [];
    for (const role of ROLES) {
      const context = await live.browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      await signIn(page, live.url, role);
      for (const address of await navigationLinks(page, live.url)) {
        const response = await page.goto(address);
        if (!response || response.status() >= 400) continue;
        const words = latinWords(await visibleProse(page));
        if (words.length > 0) found.push(`${role} ${address.slice(live.url.length)}: ${words.join(' ')}`);
      }
      await context.close();
    }
    expect(found).toEqual([]);
  }, 600_000);

  it('reads data as data and names as names', () => {
    expect(latinWords('案件 XH-2026-000123 · 下载 PDF · 见 https://example.org/a')).toEqual([]);
    expect(latinWords('所属区：xuhui（adverse）')).toEqual(['xuhui', 'adverse']);
  });
});
