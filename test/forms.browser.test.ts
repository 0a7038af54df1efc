import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screens, searchCases, signInAsDemo, signInAsDemoManager, useDemoStack } from './demo-stack.ts';

/**
 * The forms machinery every page shares, in Chromium against the real stack: a form posted twice
 * makes one change (a double click on 受理, a post the browser sends again without JavaScript), and
 * a refused form comes back with what was typed and an error that names its field, and switching
 * a service off is asked first — all of it without JavaScript too.
 */
const live = useDemoStack('forms');

const body = (page: Page) => page.textContent('body').then((text) => text ?? '');

/** The matters found by a resident's phone, as the case list shows them. */
async function mattersOf(page: Page, phone: string) {
  await searchCases(page, live.url, phone);
  return page.getByRole('link', { name: /XH-\d{4}-\d{6}/ }).count();
}

async function fillIntake(page: Page, phone: string) {
  await page.goto(`${live.url}/t/xuhui/cases/new`);
  await page.getByLabel('姓名', { exact: true }).fill('钱阿婆');
  await page.getByLabel('电话', { exact: true }).fill(phone);
  await page.getByLabel('案件描述').fill('楼上住户空调外机滴水，多次沟通无果');
}

describe('a form posted twice', () => {
  it('takes a matter in once when the browser sends 受理 again without JavaScript', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAsDemo(page, live.url, 'desk');
    await fillIntake(page, '13655500001');
    const posted = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/cases/new'));
    await page.getByRole('button', { name: '受理' }).click();
    const first = await posted;
    await expect.poll(() => body(page)).toMatch(/XH-\d{4}-\d{6}/);
    const created = new URL(page.url()).searchParams.get('created');
    expect(created).toMatch(/^[0-9a-f-]{36}$/);

    // The same post again, byte for byte (a double click, a resend after a slow answer).
    const again = await context.request.post(first.url(), {
      headers: {
        'content-type': (await first.headerValue('content-type')) ?? '',
        origin: live.url,
      },
      data: first.postDataBuffer() ?? Buffer.alloc(0),
      maxRedirects: 0,
    });
    expect(again.status()).toBeGreaterThanOrEqual(300);
    expect(again.status()).toBeLessThan(400);
    expect(again.headers().location).toContain(`created=${created}`);
    expect(await mattersOf(page, '13655500001')).toBe(1);

    // A new rendering of the form is a new submission: the desk can take in the next matter.
    await fillIntake(page, '13655500001');
    await page.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('created')).not.toBe(created);
    expect(await mattersOf(page, '13655500001')).toBe(2);
    await context.close();
  }, 120_000);

  it('takes a matter in once on a double click, the button disabled while it posts', async () => {
    const page = await live.browser.newPage();
    await signInAsDemo(page, live.url, 'desk');
    await fillIntake(page, '13655500002');
    const submit = page.getByRole('button', { name: '受理' });
    await submit.dblclick();
    await expect.poll(() => body(page)).toMatch(/XH-\d{4}-\d{6}/);
    expect(await mattersOf(page, '13655500002')).toBe(1);
    await page.close();
  }, 120_000);
});

describe('a long form', () => {
  it('keeps a long description through a phone change, which posts it and never puts it in an address', async () => {
    const page = await live.browser.newPage();
    const addresses: string[] = [];
    page.on('request', (request) => addresses.push(request.url()));
    await signInAsDemo(page, live.url, 'desk');
    await fillIntake(page, '13655500003');
    const description = '楼上住户空调外机滴水，多次沟通无果。'.repeat(100);
    await page.getByLabel('案件描述').fill(description);
    // Leaving the phone field looks up earlier matters with everything typed so far.
    const refreshed = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().includes('/cases/new'),
    );
    await page.getByLabel('电话', { exact: true }).fill('13655500004');
    await page.getByLabel('姓名', { exact: true }).click();
    expect((await refreshed).status()).toBe(200);
    await expect.poll(() => body(page)).toContain('该电话以前的案件');
    expect(await page.getByLabel('案件描述').inputValue()).toBe(description);
    for (const address of addresses) {
      expect(address.length, address.slice(0, 120)).toBeLessThan(2000);
      expect(decodeURIComponent(address)).not.toContain('空调外机');
    }
    await page.close();
  }, 120_000);
});

describe('a refused form', () => {
  it('keeps what was typed in a mediation session and names the field whose date is wrong', async () => {
    const page = await live.browser.newPage();
    await signInAsDemo(page, live.url, 'desk');
    // The demo district's neighbour dispute (王秀英 against 赵建国).
    await searchCases(page, live.url, '13916605012');
    await page
      .getByRole('link', { name: /XH-\d{4}-\d{6}/ })
      .first()
      .click();
    await page.getByRole('link', { name: '调解记录、调解协议与司法确认' }).click();
    await expect.poll(() => page.url()).toMatch(/\/mediation$/);
    await page.getByText('记录一次调解', { exact: true }).click();
    await page.getByLabel('调解时间').fill('2099-06-01T09:30');
    await page.getByLabel('调解地点').fill('田林街道人民调解委员会调解室');
    await page.getByLabel('调解情况').fill('双方到场，赵建国同意晚间停止施工，王秀英要求书面承诺');
    await page.locator('details[open]').getByRole('button', { name: '保存' }).click();

    await expect.poll(() => body(page)).toContain('调解时间：不能是将来的日期。');
    expect(await page.getByLabel('调解地点').inputValue()).toBe('田林街道人民调解委员会调解室');
    expect(await page.getByLabel('调解情况').inputValue()).toBe(
      '双方到场，赵建国同意晚间停止施工，王秀英要求书面承诺',
    );
    expect(await page.getByLabel('调解时间').inputValue()).toBe('2099-06-01T09:30');
    await page.screenshot({ path: join(screens, 'forms-session-refused.png'), fullPage: true });

    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
      Date.now() - 86_400_000,
    );
    await page.getByLabel('调解时间').fill(`${yesterday}T09:30`);
    await page.locator('details[open]').getByRole('button', { name: '保存' }).click();
    await expect.poll(() => body(page)).toContain('双方到场，赵建国同意晚间停止施工');
    await expect.poll(() => body(page)).not.toContain('不能是将来的日期');
    await page.close();
  }, 120_000);
});

describe('a destructive action', () => {
  it('asks before switching a service off, without JavaScript, and changes nothing when cancelled', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAsDemoManager(page, live.url, 'station');
    await page.goto(`${live.url}/t/xuhui/catalogue`);
    const switchOff = page.getByRole('button', { name: /^在本单位关闭/ }).first();
    const label = (await switchOff.getAttribute('aria-label')) ?? '';
    const service = label.replace('在本单位关闭', '');
    const enabledCount = await page.getByRole('button', { name: /^在本单位关闭/ }).count();
    await switchOff.click();
    await expect.poll(() => body(page)).toContain(`关闭“${service}”吗？`);
    await page.screenshot({ path: join(screens, 'forms-switch-off-asked.png'), fullPage: true });
    await page.getByRole('link', { name: '取消' }).click();
    await expect.poll(() => body(page)).not.toContain('请确认');
    expect(await page.getByRole('button', { name: /^在本单位关闭/ }).count()).toBe(enabledCount);

    await page.getByRole('button', { name: label }).click();
    await page.getByRole('button', { name: '确认', exact: true }).click();
    await expect.poll(() => page.url()).toContain('done=disabled');
    await expect.poll(() => page.getByRole('button', { name: `在本单位开启${service}` }).count()).toBe(1);
    await context.close();
  }, 120_000);
});
