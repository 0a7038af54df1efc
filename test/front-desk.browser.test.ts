import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screens, searchCases, signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * The front desk's day in Chromium against the real stack: a desk officer takes in a walk-in for
 * lawyer consultation, fills that service's own intake form (rendered from the plugin's schema), is
 * told what is missing in Chinese, gets a case number, and finds the case again by phone. Nothing
 * the officer typed about the resident reaches an address the browser asked for or the stack's
 * log, and the page runs under the server's CSP without a violation.
 */
const live = useDemoStack('desk');

describe('front-desk intake', () => {
  it('takes in a walk-in with the service’s own form and gives a case number', async () => {
    const page = await live.browser.newPage();
    const addresses: string[] = [];
    page.on('request', (request) => addresses.push(request.url()));
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    await signInAsDemo(page, live.url, 'desk');
    await page.goto(`${live.url}/t/xuhui/cases/new`);
    await page.getByLabel('姓名', { exact: true }).fill('赵阿姨');
    await page.getByLabel('电话', { exact: true }).fill('13812345678');
    await page.getByLabel('身份证号').fill('310104198001011239');
    // "Find earlier matters" posts what was typed; it comes back filled in, with no address change.
    await page.getByRole('button', { name: '查找以前的案件' }).click();
    await expect.poll(() => page.textContent('body')).toContain('该电话以前的案件');
    await expect.poll(() => page.getByLabel('姓名', { exact: true }).inputValue()).toBe('赵阿姨');
    await page.getByLabel('服务类型').selectOption('consultation');
    // The consultation plugin's own fields appear once the service is chosen.
    await expect.poll(() => page.getByLabel('咨询主题').count()).toBe(1);
    await page.getByLabel('案件描述').fill('房东不退押金，想了解如何维权');
    await page.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => page.textContent('body')).toMatch(/咨询主题：请填写此项|请填写此项/);
    await page.getByLabel('咨询主题').fill('房屋租赁押金不退');
    await page.getByLabel('咨询渠道').selectOption('walk-in');
    await page.getByLabel('问题描述').fill('租房合同到期搬走后，房东以墙面污损为由拒绝退还押金三千元');
    await page.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => page.textContent('body')).toMatch(/XH-\d{4}-\d{6}/);
    await page.screenshot({ path: join(screens, 'intake-created.png'), fullPage: true });

    await searchCases(page, live.url, '13812345678');
    await expect.poll(() => page.textContent('body')).toContain('赵阿姨');
    await page.close();

    const typed = ['赵阿姨', '13812345678', '310104198001011239', '房东不退押金', '房屋租赁押金不退'];
    for (const address of addresses)
      for (const value of typed) expect(decodeURIComponent(address), address).not.toContain(value);
    for (const value of typed) expect(live.output).not.toContain(value);
    expect(live.output).toContain('"path":"/t/xuhui/cases/new"');
    expect(cspViolations).toEqual([]);
  });
});
