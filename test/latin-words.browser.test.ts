import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateTOTP } from '@oslojs/otp';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, useDemoStack } from './demo-stack.ts';
import { latinWords, visibleProse } from './latin-words.ts';

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

/**
 * The pages the matter's journey (`matter-journey.browser.test.ts`) opens that no menu links to:
 * the intake form, the assignment queues, and a mediation case's parts and its service's pages.
 */
async function pagesBeyondTheMenu(page: Page, base: string, role: string): Promise<string[]> {
  const paths: string[] = [];
  if (role === 'desk') paths.push('/t/xuhui/cases/new');
  if (role === 'station')
    paths.push('/t/xuhui/cases/assignment?view=unassigned', '/t/xuhui/cases/assignment?view=transferred-in');
  if (role === 'desk' || role === 'mediator') {
    await page.goto(`${base}/t/xuhui/cases?service=mediation`);
    const hrefs = (selector: string) =>
      page.locator(selector).evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    const casePath = (await hrefs('main a[href^="/t/xuhui/cases/"]')).find((href) =>
      /\/cases\/[0-9a-f-]{36}$/.test(href),
    );
    if (casePath) {
      await page.goto(`${base}${casePath}`);
      paths.push(
        casePath,
        ...(await hrefs(`main a[href^="${casePath}/"]`)).filter((href) => !href.includes('/documents/')),
      );
    }
  }
  return [...new Set(paths)].map((path) => `${base}${path}`);
}

/** The pages a resident opens without an account: the rating page, with an unknown code too. */
const PUBLIC_PAGES = ['/rate', '/rate/ABCDE23456', '/t/xuhui/login'];

describe('one language', () => {
  it('shows no Latin words on any zh-CN page a role reaches from the navigation or the journey of a matter', async () => {
    const foundBy = new Map<string, string[]>();
    async function readPagesOf(role: string) {
      const found: string[] = [];
      const context = await live.browser.newContext({ locale: 'zh-CN' });
      const page = await context.newPage();
      await signIn(page, live.url, role);
      const addresses = [
        ...(await navigationLinks(page, live.url)),
        ...(await pagesBeyondTheMenu(page, live.url, role)),
      ];
      for (const address of addresses) {
        const response = await page.goto(address);
        if (!response || response.status() >= 400) continue;
        const words = latinWords(await visibleProse(page));
        if (words.length > 0) found.push(`${role} ${address.slice(live.url.length)}: ${words.join(' ')}`);
      }
      await context.close();
      foundBy.set(role, found);
    }
    // Two roles at a time, as two people at two desks: one page loads while the other is read.
    const lanes = [0, 1].map((lane) => ROLES.filter((_, i) => i % 2 === lane));
    await Promise.all(
      lanes.map(async (roles) => {
        for (const role of roles) await readPagesOf(role);
      }),
    );
    const found = ROLES.flatMap((role) => foundBy.get(role) ?? []);
    const resident = await live.browser.newContext({ locale: 'zh-CN' });
    const page = await resident.newPage();
    for (const path of PUBLIC_PAGES) {
      await page.goto(`${live.url}${path}`);
      const words = latinWords(await visibleProse(page));
      if (words.length > 0) found.push(`resident ${path}: ${words.join(' ')}`);
    }
    await resident.close();
    expect(found).toEqual([]);
  }, 600_000);

  it('reads data as data and names as names', () => {
    expect(latinWords('案件 XH-2026-000123 · 下载 PDF · 见 https://example.org/a')).toEqual([]);
    expect(latinWords('附件：人民调解协议书-XH-2026-000012.pdf')).toEqual([]);
    expect(latinWords('可多选：PDF、OFD、JPEG、PNG、HEIC、Word、Excel')).toEqual([]);
    expect(latinWords('所属区：xuhui（adverse）')).toEqual(['xuhui', 'adverse']);
  });
});
