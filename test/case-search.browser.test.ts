import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screens, searchCases, signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * Finding a matter by part of what a resident says at the window, in Chromium against the real
 * stack: two characters of the name, the phone's last digits, part of the number, a word of the
 * description — within the officer's units, with and without JavaScript. The term is posted, so no
 * address the browser asked for and no line of the stack's log holds it.
 */
const live = useDemoStack('case-search');

/** The numbers and residents of the list's rows, as shown. */
const rows = (page: Page) =>
  page.$$eval('table.admin-table tbody tr', (trs) =>
    trs.map((tr) => ({
      number: tr.querySelector('th')?.textContent?.trim() ?? '',
      resident: tr.querySelectorAll('td')[1]?.textContent?.trim() ?? '',
    })),
  );
const residents = async (page: Page) => (await rows(page)).map((r) => r.resident);

describe('case search', () => {
  it('finds a matter by part of the name, the last digits of the phone, part of the number and a word', async () => {
    const page = await live.browser.newPage();
    const addresses: string[] = [];
    page.on('request', (request) => addresses.push(request.url()));
    await signInAsDemo(page, live.url, 'desk');

    await searchCases(page, live.url, '秀英');
    expect(await residents(page)).toEqual(['王秀英']);
    await expect.poll(() => page.getByRole('search').locator('input[name="q"]').inputValue()).toBe('秀英');
    await page.screenshot({ path: join(screens, 'case-search-name.png'), fullPage: true });
    const [wang] = await rows(page);

    await searchCases(page, live.url, '7745');
    expect(await residents(page)).toEqual(['孙伟东']);

    const sequence = wang?.number.split('-').at(-1) ?? '';
    await searchCases(page, live.url, sequence);
    expect((await rows(page)).map((r) => r.number)).toEqual([wang?.number]);

    await searchCases(page, live.url, '停车费');
    expect(await residents(page)).toEqual(['孙伟东']);

    await searchCases(page, live.url, '秀');
    expect(await rows(page)).toEqual([]);
    await expect.poll(() => page.textContent('body')).toContain('没有符合条件的');
    await page.close();

    const typed = ['秀英', '7745', '停车费'];
    for (const address of addresses)
      for (const value of typed) expect(decodeURIComponent(address), address).not.toContain(value);
    for (const value of typed) expect(live.output).not.toContain(value);
  });

  it("keeps the station's mediator to the station's matters, without JavaScript too", async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAsDemo(page, live.url, 'mediator');
    await page.goto(`${live.url}/t/xuhui/cases`);
    await page.getByRole('search').locator('input[name="q"]').fill('秀英');
    await page.getByRole('search').locator('button[type="submit"]').click();
    await expect.poll(() => residents(page)).toEqual(['王秀英']);
    // 孙伟东's matter is the centre's: the same ending finds nothing at the station.
    await page.getByRole('search').locator('input[name="q"]').fill('7745');
    await page.getByRole('search').locator('button[type="submit"]').click();
    await expect.poll(() => page.getByRole('search').locator('input[name="q"]').inputValue()).toBe('7745');
    expect(await rows(page)).toEqual([]);
    await page.screenshot({ path: join(screens, 'case-search-station.png'), fullPage: true });
    await context.close();
  });
});
