import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { screens, signInAsDemo, signInAsDemoManager, useDemoStack } from './demo-stack.ts';

/**
 * Accessibility (issue #17): the main pages have no serious or critical axe violation, on a
 * desktop (1366 px) and on a phone (360 px), in zh-CN as the district's staff and residents see them.
 */
const live = useDemoStack('accessibility');

const WIDTHS = [
  { width: 1366, height: 900 },
  { width: 360, height: 740 },
] as const;

/** Opens each page at each width and gathers its serious violations, named by page and width. */
async function violationsOf(page: Page, pages: Record<string, string>): Promise<string[]> {
  const found: string[] = [];
  for (const [name, address] of Object.entries(pages)) {
    for (const viewport of WIDTHS) {
      await page.setViewportSize(viewport);
      const response = await page.goto(address.startsWith('/') ? `${live.url}${address}` : address);
      expect(response?.status(), name).toBeLessThan(400);
      await page.waitForLoadState('networkidle');
      for (const violation of await seriousAxeViolations(page))
        found.push(`${name} @${viewport.width}: ${violation}`);
    }
  }
  return found;
}

async function newPage(): Promise<Page> {
  const context = await live.browser.newContext({ locale: 'zh-CN' });
  return context.newPage();
}

describe('accessibility at 1366 px and 360 px', () => {
  it('names the rule and the element of each serious violation, and leaves out minor ones', async () => {
    const page = await newPage();
    await page.setContent(
      '<html lang="zh-CN"><title>t</title><main><h1>标题</h1><h3>跳级</h3><input id="phone"><img id="seal" src="data:,"></main></html>',
    );
    expect(await seriousAxeViolations(page)).toEqual([
      'image-alt (critical): #seal',
      'label (critical): #phone',
    ]);
    await page.context().close();
  });

  it('finds no serious violation on the sign-in page and the resident rating page', async () => {
    const page = await newPage();
    expect(await violationsOf(page, { 'sign-in': '/t/xuhui/login', rating: '/rate' })).toEqual([]);
    await page.context().close();
  });

  it("finds no serious violation on the desk's pages: Today, cases, a case, intake, referrals", async () => {
    const page = await newPage();
    await signInAsDemo(page, live.url, 'desk');
    await page.goto(`${live.url}/t/xuhui/cases`);
    const href = await page
      .locator('main a[href^="/t/xuhui/cases/"]')
      .evaluateAll((links) =>
        links.map((link) => link.getAttribute('href') ?? '').find((h) => /\/cases\/[0-9a-f-]{36}$/.test(h)),
      );
    expect(href).toBeDefined();
    const pages = {
      Today: '/t/xuhui',
      'case list': '/t/xuhui/cases',
      'case page': href ?? '',
      intake: '/t/xuhui/cases/new',
      referrals: '/t/xuhui/referrals',
    };
    expect(await violationsOf(page, pages)).toEqual([]);
    await page.context().close();
  });

  it("finds no serious violation on the director's statistics and settings", async () => {
    const page = await newPage();
    await signInAsDemoManager(page, live.url, 'director');
    const pages = { statistics: '/t/xuhui/statistics', settings: '/t/xuhui/settings' };
    expect(await violationsOf(page, pages)).toEqual([]);
    await page.context().close();
  });

  it("keeps a phone's header to two rows: the title with 菜单, then the account's controls", async () => {
    const page = await newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await signInAsDemo(page, live.url, 'mediator');
    const header = page.locator('.lj-header');
    await page.screenshot({ path: join(screens, 'phone-header-360.png') });
    // Each item's vertical centre; items whose centres lie within 8 px share a row.
    const centres = await header
      .locator('.lj-header__title, .lj-menu-link, .lj-header__actions > *')
      .evaluateAll((items) =>
        items.map((item) => {
          const box = item.getBoundingClientRect();
          return box.top + box.height / 2;
        }),
      );
    const rows = centres
      .sort((a, b) => a - b)
      .filter((centre, i, sorted) => i === 0 || centre - (sorted[i - 1] ?? 0) > 8);
    expect(centres).toHaveLength(6);
    expect(rows).toHaveLength(2);
    expect(await header.evaluate((h) => h.scrollWidth)).toBeLessThanOrEqual(360);
    for (const name of ['菜单', '修改密码'])
      expect(await header.getByRole('link', { name }).isVisible()).toBe(true);
    for (const name of ['English', '退出登录'])
      expect(await header.getByRole('button', { name }).isVisible()).toBe(true);
    await page.context().close();
  });
});
