import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { choose, screens, searchCases, signInAsDemo, signInFirstTime, useDemoStack } from './demo-stack.ts';

/**
 * The negative list at assignment, in Chromium against the real stack and without scripts: the
 * demo seed lists the centre's lawyer 刘洋; the desk officer sees the mark beside his name, is
 * refused without a reason, and assigns him once a reason is given. The records page lists him.
 */
const live = useDemoStack('providers');

describe('provider records when assigning work', () => {
  it('warns about the listed lawyer and assigns him only with a reason', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAsDemo(page, live.url, 'desk');
    await searchCases(page, live.url, '停车费');
    await page.locator('table.admin-table tbody a').first().click();
    await expect.poll(() => page.url()).toMatch(/\/cases\/[0-9a-f-]{36}/);
    await page.locator('summary', { hasText: '指派' }).first().click();
    // The picker's suggestions (a datalist without scripts) carry the mark beside his name.
    const list = await page.locator('#assign-assigneeId').getAttribute('list');
    const listed = page.locator(`[id="${list}"] option[value="律师 刘洋"]`);
    expect(await listed.getAttribute('label')).toContain('负面清单');
    expect(await page.getByText('以下人员有有效的不良执业记录或在负面清单上').count()).toBe(1);
    await choose(page.locator('#assign-assigneeId'), '刘洋', { script: false });
    await page.locator('details[open]').getByRole('button', { name: '指派', exact: true }).click();
    expect(
      await page.getByText('律师 刘洋 在负面清单上（驻点值班期间向当事人收取额外咨询费）').count(),
    ).toBeGreaterThan(0);
    await page.getByLabel('指派负面清单人员的理由').fill('当事人坚持由该律师继续咨询，已告知相关情况');
    expect(await page.locator('#assign-assigneeId').inputValue()).toBe('刘洋');
    await page.locator('details[open]').getByRole('button', { name: '指派', exact: true }).click();
    await expect.poll(() => page.url()).toContain('done=assign');
    expect(await page.textContent('body')).toContain('当事人坚持由该律师继续咨询');
    await page.screenshot({ path: join(screens, 'provider-assignment.png'), fullPage: true });

    await page.goto(`${live.url}/t/xuhui/providers?state=active`);
    expect(await page.locator('table.admin-table tbody tr', { hasText: '律师 刘洋' }).count()).toBe(1);
    // The mediator's record expired: not among the active ones.
    expect(await page.locator('table.admin-table tbody tr', { hasText: '孙伟' }).count()).toBe(0);
    await context.close();
  }, 240_000);

  it('shows the records, volunteers and file review to the inspector, who records an appeal', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAsDemo(page, live.url, 'inspector');
    await page.getByRole('link', { name: '不良记录与负面清单' }).first().click();
    await page.locator('table.admin-table tbody a', { hasText: '律师 刘洋' }).click();
    await page.getByLabel('申诉日期').fill('2026-11-01');
    await page.getByLabel('申诉理由').fill('所收费用为当事人自愿支付的交通费');
    await page.getByRole('button', { name: '登记申诉' }).click();
    await expect.poll(() => page.url()).toContain('done=appealed');
    expect(await page.getByText('待决定').count()).toBe(1);
    await page.getByRole('link', { name: '志愿者' }).first().click();
    expect(await page.locator('table.admin-table tbody tr').count()).toBe(2);
    await page.getByRole('link', { name: '案卷评查' }).first().click();
    expect(await page.getByRole('button', { name: '抽取' }).count()).toBe(1);
    await context.close();
  }, 240_000);

  it('lets the bureau set a subsidy rule, compute the month and export it', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInFirstTime(page, live.url, 'xuhui', 'Subsidies-pass-2026');
    await page.goto(`${live.url}/t/xuhui/subsidies`);
    // The seed's three rules; a fourth, with a wrong amount first.
    expect(await page.locator('table.admin-table tbody tr').count()).toBe(3);
    await page.getByLabel('服务').selectOption('notary');
    await page.getByLabel('金额（元）').fill('12.345');
    await page.getByRole('button', { name: '保存规则' }).click();
    expect(await page.getByText('金额须为 0 到 100000 元之间、精确到分。').count()).toBeGreaterThan(0);
    await page.getByLabel('金额（元）').fill('80');
    await page.getByRole('button', { name: '保存规则' }).click();
    await expect.poll(() => page.url()).toContain('done=rule');
    expect(await page.locator('table.admin-table tbody tr').count()).toBe(4);
    await page.getByRole('button', { name: '计算本月台账' }).click();
    await expect.poll(() => page.url()).toContain('done=computed');
    expect(await page.getByText('台账已计算').count()).toBe(1);
    await page.screenshot({ path: join(screens, 'subsidies.png'), fullPage: true });
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' })
      .format(new Date())
      .slice(0, 7);
    const exported = await context.request.get(`${live.url}/t/xuhui/subsidies/ledger.xlsx?month=${month}`);
    expect(exported.status()).toBe(200);
    expect(exported.headers()['content-type']).toContain('spreadsheetml');
    expect((await exported.body()).subarray(0, 2).toString()).toBe('PK');
    await context.close();
  }, 240_000);
});
