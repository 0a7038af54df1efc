import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, screens, signInAsDemo, signInAsDemoManager, useDemoStack } from './demo-stack.ts';

/**
 * Handoffs in Chromium against the real stack (issue 17): the front desk takes a matter in and
 * sees it counted on her Today, transfers it to the Xujiahui station; the station head — without
 * JavaScript — is told in her notifications, finds it under 新转入 on Today and on the assignment
 * page, and assigns it to the station's mediator, who is told and finds it on his Today.
 */
const live = useDemoStack('handoffs');

const body = (page: Page) => page.textContent('body');
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: join(screens, `${name}.png`), fullPage: true });
/** The heading of a Today section, with its count. */
const section = (page: Page, title: string) =>
  page.locator('.admin-today__panel', { has: page.getByRole('heading', { name: title }) });

describe('handoffs', () => {
  it('a transfer reaches the station head, who assigns it from 新转入 to the mediator', async () => {
    // The desk takes a walk-in in at the centre.
    const desk = await live.browser.newPage();
    await signInAsDemo(desk, live.url, 'desk');
    await desk.goto(`${live.url}/t/xuhui/cases/new`);
    await desk.getByLabel('姓名', { exact: true }).fill('欧阳阿姨');
    await desk.getByLabel('电话', { exact: true }).fill('13700001717');
    await desk.getByLabel('案件描述').fill('楼上住户长期在楼道堆放杂物，影响通行，协商未果');
    await desk.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => body(desk)).toMatch(/XH-\d{4}-\d{6}/);
    const number = /XH-\d{4}-\d{6}/.exec((await body(desk)) ?? '')?.[0] ?? '';

    // Her Today counts what she took in today, this matter among them.
    await desk.goto(`${live.url}/t/xuhui`);
    const takenToday = section(desk, '今日我受理的案件');
    await expect.poll(() => takenToday.textContent()).toContain(number);
    expect(await takenToday.getByRole('heading').textContent()).toMatch(/今日我受理的案件 [1-9]\d* 件/);
    await shoot(desk, 'handoffs-desk-today');

    // She transfers it to the Xujiahui station.
    await takenToday.getByRole('link', { name: number }).click();
    await desk.locator('summary', { hasText: '移交其他机构' }).click();
    await choose(desk.locator('details[open]').getByRole('combobox', { name: '移交至' }), '徐家汇街道');
    await desk.locator('details[open]').getByLabel('理由').fill('属地街道调处');
    await desk.locator('details[open]').getByRole('button', { name: '移交', exact: true }).click();
    await expect.poll(() => desk.locator('details[open]').count()).toBe(0);
    await desk.close();

    // The station head, without scripts: told in her notifications, the case under 新转入.
    const headContext = await live.browser.newContext({ javaScriptEnabled: false });
    const head = await headContext.newPage();
    await signInAsDemoManager(head, live.url, 'station');
    const arrived = section(head, '新转入');
    expect(await arrived.textContent()).toContain(number);
    expect(await arrived.getByRole('heading').textContent()).toMatch(/新转入 [1-9]\d* 件/);
    await shoot(head, 'handoffs-station-today');
    await head.goto(`${live.url}/t/xuhui/notifications`);
    expect(await body(head)).toContain(`案件 ${number} 已从徐汇区公共法律服务中心转入本单位，请分派承办人。`);
    await shoot(head, 'handoffs-station-notifications');

    // The assignment page lists it under 新转入 (and 待分派); she assigns it to the mediator.
    await head.goto(`${live.url}/t/xuhui`);
    await head.getByRole('link', { name: '分派', exact: true }).first().click();
    await expect.poll(() => head.url()).toContain('/t/xuhui/cases/assignment');
    expect(await head.locator('main table').textContent()).toContain(number);
    await head.getByRole('link', { name: /^待分派/ }).click();
    expect(await head.locator('main table').textContent()).toContain(number);
    await head.getByLabel(`选择案件 ${number}`).check();
    // Without scripts the assignee's name is typed, and the server finds the person.
    await head.locator('#assign-assigneeId').fill('孙伟');
    await shoot(head, 'handoffs-assignment-queue');
    await head.getByRole('button', { name: '分派所选案件' }).click();
    await expect.poll(() => body(head)).toContain('已分派 1 件案件。');
    expect(await head.locator('main').textContent()).not.toContain(number);
    await shoot(head, 'handoffs-assigned');
    await headContext.close();

    // The mediator is told, and finds the matter on his Today.
    const mediatorPage = await live.browser.newPage();
    await signInAsDemo(mediatorPage, live.url, 'mediator');
    const mine = section(mediatorPage, '我承办的案件');
    expect(await mine.textContent()).toContain(number);
    expect(await mine.getByRole('heading').textContent()).toMatch(/我承办的案件 [1-9]\d* 件/);
    await shoot(mediatorPage, 'handoffs-mediator-today');
    await mediatorPage.goto(`${live.url}/t/xuhui/notifications`);
    expect(await body(mediatorPage)).toContain(`司法所所长 张强 将案件 ${number} 分派给您承办。`);
    // The case's timeline names the centre it came from, though his units do not include the centre.
    await mediatorPage.goto(`${live.url}/t/xuhui`);
    await mine.getByRole('link', { name: number }).click();
    await expect
      .poll(() => mediatorPage.textContent('.admin-timeline'))
      .toContain('徐汇区公共法律服务中心 → 徐家汇街道');
    await mediatorPage.close();
  }, 180_000);

  it('shows the centre director today’s intake, open and overdue cases by unit and service, and satisfaction', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAsDemoManager(page, live.url, 'director');
    await page.getByRole('link', { name: '总览', exact: true }).first().click();
    await expect.poll(() => page.url()).toContain('/t/xuhui/dashboard');
    const figures = page.locator('main dl').first();
    // The walk-in of the test before was taken in today.
    expect(
      Number((await figures.locator('div', { hasText: '今日受理' }).locator('dd').textContent()) ?? 0),
    ).toBeGreaterThan(0);
    const units = page.locator('section', {
      has: page.getByRole('heading', { name: '在办与超期（按单位）' }),
    });
    expect(await units.textContent()).toContain('徐家汇街道');
    expect(await body(page)).toContain('待合作单位办结的转介');
    expect(await body(page)).toMatch(/\d{4}年\d{1,2}月 满意度/);
    await shoot(page, 'handoffs-director-dashboard');
    await context.close();
  }, 120_000);
});
