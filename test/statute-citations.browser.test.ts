import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { screens, searchCases, signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * The case page's "核对法条引用" (issue 19, citation check): a note citing the court fee's basis and
 * a made-up article, checked on request, each citation then marked in place — the valid one a link
 * to the article, the made-up one said to be missing in words — with and without JavaScript.
 */
const live = useDemoStack('statute-citations');

const NOTE = '告知当事人：受理费依《诉讼费用交纳办法》第十三条分段累计；对方所称《民法典》第九千条并不存在。';

/** The demo district's neighbour dispute (王秀英 against 赵建国), on its handling part. */
async function openDemoCase(page: Page) {
  await searchCases(page, live.url, '13916605012');
  await page
    .getByRole('link', { name: /XH-\d{4}-\d{6}/ })
    .first()
    .click();
  await expect.poll(() => page.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

const timelineNote = (page: Page) => page.locator('.admin-timeline li', { hasText: '告知当事人' }).last();

describe('the case page’s citation check', () => {
  it('marks the timeline’s citations on request: the valid one links to its article, the made-up one is named missing', async () => {
    const page = await live.browser.newPage();
    await signInAsDemo(page, live.url, 'desk');
    const casePath = await openDemoCase(page);
    const addNote = page.locator('details', { has: page.locator('summary', { hasText: '添加备注' }) });
    await addNote.locator('summary').click();
    await addNote.getByLabel('备注内容').fill(NOTE);
    await addNote.getByRole('button', { name: '添加', exact: true }).click();
    await expect.poll(() => timelineNote(page).count()).toBe(1);
    // Nothing is marked until asked.
    expect(await timelineNote(page).locator('.lj-citation').count()).toBe(0);

    await page.getByRole('button', { name: '核对法条引用' }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: '法条引用' }).textContent())
      .toBe('已核对办理记录中的 2 处法条引用，其中 1 处已废止或未找到。');
    const note = timelineNote(page);
    const valid = note.getByRole('link', { name: '《诉讼费用交纳办法》第十三条' });
    expect(await valid.getAttribute('href')).toBe(
      `/api/v1/statutes/${encodeURIComponent('诉讼费用交纳办法')}/13`,
    );
    expect(await note.locator('.lj-citation--missing').textContent()).toBe(
      '《民法典》第九千条（未找到该条）',
    );
    await expectNoSeriousAxeViolations(page);
    await page.screenshot({ path: join(screens, 'case-citations-checked.png'), fullPage: true });

    // The link answers the article the fee rests on, though the library holds national laws only.
    const article = await page.request.get(`${live.url}${await valid.getAttribute('href')}`);
    expect(article.status()).toBe(200);
    expect(await article.json()).toMatchObject({ law: '诉讼费用交纳办法', article: 13, status: 'current' });

    // Without JavaScript the button posts and the page comes back marked.
    const context = await live.browser.newContext({ storageState: await page.context().storageState() });
    await context.route('**/*.js', (route) => route.abort());
    const plain = await context.newPage();
    await plain.goto(`${live.url}${casePath}`);
    await plain.getByRole('button', { name: '核对法条引用' }).click();
    await expect.poll(() => timelineNote(plain).locator('.lj-citation--missing').count()).toBe(1);
    expect(
      await timelineNote(plain).getByRole('link', { name: '《诉讼费用交纳办法》第十三条' }).count(),
    ).toBe(1);
    await context.close();
    await page.close();
  });
});
