import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { useDemoStack } from './demo-stack.ts';

/**
 * The residents' public site (issue #18), "find help": on a 360 px phone, with JavaScript off and
 * then on, a resident goes from the home page's entry points to a service's page, finds the
 * service points near their community (or their location), reads a point's notice board with its
 * lawyer adviser and rota, switches to large text; every page has no serious axe violation.
 */
const live = useDemoStack('public-site');

const PHONE = { width: 360, height: 740 };
const home = () => `${live.url}/t/xuhui/public`;

/**
 * A phone's page. `scripts: false` is a browser whose JavaScript never reaches the app: every
 * script the page loads is refused, so what the resident sees is the server's HTML and plain
 * forms. (Playwright's `javaScriptEnabled: false` would do the same, but leaves the page
 * unreadable to the axe check and to `evaluate`, which then never return.)
 */
async function phone(options: BrowserContextOptions & { scripts?: boolean } = {}): Promise<Page> {
  const { scripts = true, ...rest } = options;
  const context = await live.browser.newContext({ viewport: PHONE, locale: 'zh-CN', ...rest });
  if (!scripts) await context.route(/\.m?js(\?.*)?$/, (route) => route.abort());
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return page;
}

async function expectAccessible(page: Page, name: string) {
  expect(await seriousAxeViolations(page), name).toEqual([]);
}

const main = (page: Page) => page.locator('main');

describe("the district's public site on a phone", () => {
  it('leads from an entry point to a service, then to the nearest point and its notice board, without JavaScript', async () => {
    const page = await phone({ scripts: false });
    await page.goto(home());
    expect(await page.locator('h1').textContent()).toBe('公共法律服务');
    expect(await page.locator('.lj-header__title').textContent()).toContain('徐汇区司法局');
    const nav = page.getByRole('navigation', { name: '居民服务导航' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      '首页',
      '找服务',
      '服务点',
      '值班表',
      '在线申请',
      '预约',
      '查进度',
      '意见箱',
    ]);
    expect(await main(page).textContent()).toContain('12348 热线全天候服务');
    expect(await main(page).textContent()).toContain('婚姻家事法律咨询日');
    await expectAccessible(page, 'home');

    // An entry point in plain words leads to the service answering it.
    const entries = page.getByRole('region', { name: '您遇到了什么事？' }).getByRole('link');
    expect(await entries.count()).toBeGreaterThanOrEqual(7);
    await page.getByRole('link', { name: '合同签订来坐坐' }).click();
    await page.waitForURL(/\/public\/services\/[a-z-]+$/);
    for (const heading of ['服务内容', '谁可以办', '需要带什么', '办理时限', '在哪里办'])
      expect(await page.getByRole('heading', { name: heading }).count(), heading).toBe(1);
    expect(await main(page).textContent()).toMatch(/\d+ 个工作日内/);
    expect(await main(page).getByRole('link', { name: '在线申请' }).count()).toBe(1);
    await expectAccessible(page, 'service page');

    // Near me, by the community chosen from the list: the community's room first, in the circle.
    await nav.getByRole('link', { name: '服务点' }).click();
    await page.getByLabel('我住在').selectOption({ label: '汇站居民区' });
    await page.getByRole('button', { name: '按距离排序' }).click();
    await page.waitForURL(/community=/);
    const first = main(page).locator('article').first();
    expect(await first.locator('h3').textContent()).toBe('汇站居民区法律服务工作室');
    expect(await first.textContent()).toContain('在15分钟服务圈内');
    expect(await main(page).textContent()).toContain('已按 汇站居民区 到各服务点的步行距离排序。');
    await expectAccessible(page, 'points near a community');

    // The point's notice board: its lawyer adviser, this week's rota, the month's themed day.
    await first.getByRole('link', { name: '汇站居民区法律服务工作室' }).click();
    await page.waitForURL(/\/public\/points\/[0-9a-f-]{36}$/);
    const adviser = page.getByRole('region', { name: '一居一法律顾问 公示栏' });
    expect(await adviser.textContent()).toContain('钱律师');
    expect(await adviser.textContent()).toContain('上海某律师事务所');
    const rota = page.getByRole('region', { name: '本周值班' });
    expect(await rota.textContent()).toContain('14:00–16:00 钱律师（律师咨询）');
    expect(await page.getByRole('region', { name: '本月主题活动日' }).textContent()).toContain(
      '婚姻家事法律咨询日',
    );
    await expectAccessible(page, 'point page');

    // This week's rota of the district, then of one point.
    await nav.getByRole('link', { name: '值班表' }).click();
    expect(await main(page).textContent()).toContain('刘律师（律师咨询）');
    expect(await main(page).textContent()).toContain('钱律师（律师咨询）');
    await page.getByLabel('服务点').selectOption({ label: '汇站居民区法律服务工作室' });
    await page.getByRole('button', { name: '查看' }).click();
    await page.waitForURL(/point=/);
    expect(await main(page).textContent()).not.toContain('刘律师');
    await expectAccessible(page, 'rota');
    await page.context().close();
  });

  it('switches to large text for the elderly and back, without JavaScript', async () => {
    const page = await phone({ scripts: false });
    await page.goto(`${home()}/points`);
    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await rootSize()).toBe('16px');
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.waitForURL(/\/public\/points$/);
    expect(await rootSize()).toBe('20px');
    const target = await page.getByRole('button', { name: '按距离排序' }).boundingBox();
    expect(target?.height).toBeGreaterThanOrEqual(60);
    await expectAccessible(page, 'large text');
    await page.getByRole('button', { name: '标准字号' }).click();
    await page.waitForURL(/\/public\/points$/);
    expect(await rootSize()).toBe('16px');
    await page.context().close();
  });

  it('sorts the points by the browser location with JavaScript, posted and never in the address', async () => {
    const page = await phone({
      permissions: ['geolocation'],
      geolocation: { latitude: 31.1921, longitude: 121.4337 },
    });
    await page.goto(home());
    await page.getByRole('link', { name: '婚姻家事来聊聊' }).click();
    await page.waitForURL(/\/public\/services\/[a-z-]+$/);
    await page
      .getByRole('navigation', { name: '居民服务导航' })
      .getByRole('link', { name: '服务点' })
      .click();
    await page.waitForURL(/\/public\/points$/);
    await page.getByRole('button', { name: '用我的位置' }).click();
    await expect.poll(() => main(page).textContent()).toContain('已按您的位置排序');
    expect(await main(page).locator('article h3').first().textContent()).toBe('汇站居民区法律服务工作室');
    expect(page.url()).toBe(`${home()}/points`);
    expect(page.url()).not.toContain('31.19');
    await expectAccessible(page, 'points near a location');
    await page.context().close();
  });

  it('speaks English when asked, and a district that does not exist is not found', async () => {
    const page = await phone();
    await page.goto(home());
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Public legal services');
    expect(await page.getByRole('navigation', { name: "Residents' navigation" }).textContent()).toContain(
      'Service points',
    );
    await expectAccessible(page, 'home in English');
    // `npm start` names the residents' site next to the admin's sign-in.
    expect(live.output).toContain(`Residents' site:    ${home()}`);
    const missing = await page.goto(`${live.url}/t/no-such-district/public`);
    expect(missing?.status()).toBe(404);
    await page.context().close();
  });
});
