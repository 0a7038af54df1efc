import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choose, screens, signInAsDemo, signInFirstTime, useDemoStack } from './demo-stack.ts';

/**
 * The desk's workspace (issue #17), in Chromium against the real stack: the case page as a summary
 * header over two columns at 1366 px and one column at 360 px with the next actions one tap away,
 * confirmations (the one-time rating code too) landing on screen with and without JavaScript; the
 * court's inbox in tabs and filters; one highlighted menu entry; the city bureau's own menu.
 */
const live = useDemoStack('case-page-layout');

const DESKTOP = { width: 1366, height: 900 };
const PHONE = { width: 360, height: 740 };

/** Opens one of the page's folded forms (a disclosure) by its title and returns it. */
async function disclosure(page: Page, title: string) {
  const form = page.locator('details', { has: page.locator('summary', { hasText: title }) }).first();
  await form.locator('summary').first().click();
  return form;
}

/** Where an element is on the screen as it is now scrolled (no script: it holds without JavaScript). */
async function rect(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not rendered');
  return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

/** Whether the element is (at least partly) on the screen as it is now scrolled. */
const onScreen = async (locator: Locator) => {
  const box = await rect(locator);
  const viewport = locator.page().viewportSize();
  return box.bottom > 0 && box.top < (viewport?.height ?? 0);
};

/** A walk-in consultation taken in at the front desk; returns the case's path. */
async function takeIn(page: Page, name: string, phone: string, description: string) {
  await page.goto(`${live.url}/t/xuhui/cases/new`);
  await page.getByLabel('姓名', { exact: true }).fill(name);
  await page.getByLabel('电话', { exact: true }).fill(phone);
  await page.getByLabel('服务类型').selectOption('consultation');
  await expect.poll(() => page.getByLabel('咨询主题').count()).toBe(1);
  await page.getByLabel('案件描述').fill(description);
  await page.getByLabel('咨询主题').fill('邻里纠纷');
  await page.getByLabel('咨询渠道').selectOption('walk-in');
  await page.getByLabel('问题描述').fill(description);
  await page.getByRole('button', { name: '受理' }).click();
  await page.getByRole('link', { name: '打开案件' }).click();
  await expect.poll(() => page.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

/** Records the resident's consent for the court and refers the case there. */
async function referToCourt(page: Page, casePath: string, kind: string, summary: string) {
  await page.goto(`${live.url}${casePath}/referrals`);
  const consent = await disclosure(page, '记录群众同意');
  await choose(consent.locator('#consent-partnerOrganisationId'), '法院');
  await consent.getByRole('button', { name: '记录同意' }).click();
  await expect.poll(() => page.url()).toContain('done=consent');
  const refer = await disclosure(page, '转介合作单位');
  await choose(refer.locator('#refer-toOrganisationId'), '法院');
  await refer.locator('#refer-kind').selectOption(kind);
  await refer.locator('#refer-summary').fill(summary);
  await refer.getByRole('button', { name: '转介', exact: true }).click();
  await expect.poll(() => page.url()).toContain('done=refer');
}

async function contextAs(
  browser: Browser,
  viewport: typeof DESKTOP,
  from?: BrowserContext,
  javaScript = true,
) {
  return browser.newContext({
    viewport,
    locale: 'zh-CN',
    javaScriptEnabled: javaScript,
    ...(from ? { storageState: await from.storageState() } : {}),
  });
}

/** The side menu's entries marked as the current page. */
const currentInMenu = (page: Page) =>
  page.getByRole('navigation', { name: '功能导航' }).locator('a[aria-current="page"]').allInnerTexts();

describe('the case page', () => {
  it('shows the summary, then the matter beside the actions at 1366 px and above them at 360 px; answers land on screen', async () => {
    const desktop = await contextAs(live.browser, DESKTOP);
    const page = await desktop.newPage();
    await signInAsDemo(page, live.url, 'desk');
    const casePath = await takeIn(page, '沈女士', '13812340188', '楼上住户装修噪音扰民，协商未果');

    // What a desk officer looks at first: the number and status, then the facts in a grid.
    const summary = page.getByRole('region', { name: '案件概要' });
    expect(await summary.locator('h1').textContent()).toMatch(/^XH-\d{4}-\d{6} 已受理$/);
    expect(await summary.locator('dt').allTextContents()).toEqual([
      '服务',
      '类别',
      '办结期限',
      '承办人',
      '所在机构',
      '首问责任人',
      '来源',
      '紧急程度',
      '受理时间',
    ]);
    const fact = (term: string) =>
      summary.locator('div', { has: page.locator('dt', { hasText: term }) }).locator('dd');
    expect(await fact('承办人').textContent()).toBe('未指派');
    expect(await fact('办结期限').textContent()).toMatch(/\d{4}/);

    // Two columns: the matter, the resident, the parties and the documents on the left; the
    // actions and the timeline on the right, the actions on the first screen.
    const matter = page.getByRole('heading', { name: '案情' });
    const parties = page.getByRole('heading', { name: '其他当事人' });
    const documents = page.locator('.admin-case-matter').getByRole('heading', { name: '材料' });
    const actions = page.locator('#actions');
    const timeline = page.getByRole('heading', { name: '办理记录' });
    const [m, p, d, a, tl] = await Promise.all([
      rect(matter),
      rect(parties),
      rect(documents),
      rect(actions),
      rect(timeline),
    ]);
    expect(p.left).toBe(m.left);
    expect(d.left).toBe(m.left);
    expect(a.left).toBeGreaterThan(m.right);
    expect(tl.left).toBe(a.left);
    expect(Math.abs(a.top - m.top)).toBeLessThan(120);
    expect(a.top).toBeLessThan(DESKTOP.height);
    expect(await page.getByRole('link', { name: '去办理' }).isVisible()).toBe(false);
    await page.screenshot({ path: join(screens, 'case-layout-1366.png') });
    await page.screenshot({ path: join(screens, 'case-layout-1366-full.png'), fullPage: true });

    // One column on a phone, the matter first; 去办理 on the first screen goes to the actions.
    const phone = await contextAs(live.browser, PHONE, desktop);
    const small = await phone.newPage();
    await small.goto(`${live.url}${casePath}`);
    const [sm, sa] = await Promise.all([
      rect(small.getByRole('heading', { name: '案情' })),
      rect(small.locator('#actions')),
    ]);
    expect(Math.abs(sa.left - sm.left)).toBeLessThan(2);
    expect(sa.top).toBeGreaterThan(sm.top);
    const jump = small.getByRole('link', { name: '去办理' });
    expect(await onScreen(jump)).toBe(true);
    await small.screenshot({ path: join(screens, 'case-layout-360.png') });
    await jump.click();
    await expect.poll(() => onScreen(small.getByRole('heading', { name: '办理', exact: true }))).toBe(true);

    // A saved form lands on its confirmation, not the top of the page.
    const note = await disclosure(small, '添加备注');
    await note.getByLabel('备注内容').fill('已电话联系楼上住户，约定周末协商');
    await note.getByRole('button', { name: '添加' }).click();
    await expect.poll(() => small.url()).toMatch(/done=note#outcome$/);
    await expect.poll(() => onScreen(small.getByText('已保存。'))).toBe(true);
    await small.screenshot({ path: join(screens, 'case-layout-360-saved.png') });

    // The one-time rating code, shown once, is on the screen where it is answered.
    for (const status of ['in-progress', 'resolved']) {
      await small.goto(`${live.url}${casePath}`);
      const form = await disclosure(small, '变更状态');
      await form.getByLabel('新状态').selectOption(status);
      await form.getByRole('button', { name: '变更' }).click();
      await expect.poll(() => small.url()).toContain('done=status');
    }
    await small.goto(`${live.url}${casePath}/consent`);
    const consent = await disclosure(small, '记录当事人授权');
    await consent.getByLabel('授权事项').selectOption('feedback-contact');
    await consent.getByRole('button', { name: '记录同意' }).click();
    await expect.poll(() => small.url()).toContain('done=resident-consent');
    await small.goto(`${live.url}${casePath}/feedback`);
    const feedback = await disclosure(small, '记录信息反馈');
    await feedback.getByLabel('告知群众的结果').fill('已告知：双方约定装修时间，噪音问题已解决');
    await feedback.getByRole('button', { name: '记录反馈' }).click();
    const code = small.locator('.admin-rating-code');
    await expect.poll(() => code.count()).toBe(1);
    await expect.poll(() => onScreen(code)).toBe(true);
    await small.screenshot({ path: join(screens, 'case-layout-360-rating-code.png') });

    // Without JavaScript too: a new code, issued on the phone, is on the first screen of the answer.
    const plain = await contextAs(live.browser, PHONE, desktop, false);
    const noScript = await plain.newPage();
    await noScript.goto(`${live.url}${casePath}/feedback`);
    const again = await disclosure(noScript, '为当事人发放新的评价码');
    await again.getByRole('button', { name: '发放新评价码' }).click();
    await expect.poll(() => noScript.locator('.admin-rating-code').count()).toBe(1);
    expect(noScript.url()).toMatch(/\/feedback#outcome$/);
    await expect.poll(() => onScreen(noScript.locator('.admin-rating-code'))).toBe(true);
    await noScript.screenshot({ path: join(screens, 'case-layout-360-rating-code-no-js.png') });
    await Promise.all([desktop.close(), phone.close(), plain.close()]);
  }, 180_000);
});

describe("the court's inbox", () => {
  it('has tabs 待处理 / 已答复 / 全部 with counts, and filters by kind, unit and days, all in the address', async () => {
    const desk = await contextAs(live.browser, DESKTOP);
    const page = await desk.newPage();
    await signInAsDemo(page, live.url, 'desk');
    const first = await takeIn(page, '钱先生', '13812340277', '邻里纠纷调解成功，申请司法确认');
    await referToCourt(page, first, 'judicial-confirmation', '双方已达成调解协议，申请司法确认');
    const second = await takeIn(page, '孙女士', '13812340366', '物业纠纷，申请诉前调解');
    await referToCourt(page, second, 'litigation-mediation', '物业费纠纷，申请诉调对接');

    const courtContext = await contextAs(live.browser, DESKTOP);
    const court = await courtContext.newPage();
    await signInAsDemo(court, live.url, 'court');
    const inbox = `${live.url}/t/xuhui/referrals`;
    await court.goto(inbox);
    const tabs = court.getByRole('navigation', { name: '按办理状态' });
    const tabTexts = () => tabs.getByRole('link').allInnerTexts();
    expect(await tabTexts()).toEqual(['待处理 2', '已答复 0', '全部 2']);
    expect(await tabs.locator('[aria-current="page"]').textContent()).toBe('待处理 2');

    // The court turns the pre-trial mediation down: it moves to 已答复, and the page follows it.
    const mediation = court.locator('li.admin-referral', { hasText: '诉调对接' });
    const reject = await disclosure(court, '拒绝');
    expect(await mediation.locator('details[open]').count()).toBe(1);
    await reject.getByLabel('理由').fill('不属于本院管辖');
    await reject.getByRole('button', { name: '拒绝' }).click();
    await expect.poll(() => court.url()).toContain('tab=answered');
    await expect.poll(tabTexts).toEqual(['待处理 1', '已答复 1', '全部 2']);
    expect(await court.locator('li.admin-referral').allInnerTexts()).toEqual([
      expect.stringContaining('诉调对接'),
    ]);
    await court.screenshot({ path: join(screens, 'court-inbox-answered.png'), fullPage: true });

    // Filters: a GET form keeping the tab; the counts follow the filters.
    await tabs.getByRole('link', { name: /^全部/ }).click();
    await expect.poll(() => court.url()).toContain('tab=all');
    const filters = court.getByRole('form', { name: '筛选' });
    await filters.getByLabel('转介类型').selectOption({ label: '司法确认' });
    await filters.getByRole('button', { name: '筛选' }).click();
    await expect.poll(() => court.url()).toContain('kind=judicial-confirmation');
    await expect.poll(tabTexts).toEqual(['待处理 1', '已答复 0', '全部 1']);
    expect(await court.locator('li.admin-referral').count()).toBe(1);
    const senders = await filters.getByLabel('转介单位').locator('option').allInnerTexts();
    expect(senders[0]).toBe('全部单位');
    expect(senders.length).toBeGreaterThan(1);
    await filters.getByLabel('转介单位').selectOption({ index: 1 });
    await filters.getByRole('button', { name: '筛选' }).click();
    await expect.poll(() => court.url()).toMatch(/sender=[0-9a-f-]{36}/);
    expect(new URL(court.url()).search).not.toMatch(/钱|孙|138/);
    await court.screenshot({ path: join(screens, 'court-inbox-filtered.png'), fullPage: true });

    // Days in the district's calendar; a range that ends before it starts is named on its field.
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await court.goto(`${inbox}?tab=all&from=${today}&until=${today}`);
    await expect.poll(tabTexts).toEqual(['待处理 1', '已答复 1', '全部 2']);
    await court.goto(`${inbox}?tab=all&from=${today}&until=2000-01-01`);
    await expect
      .poll(() => court.locator('#inbox-until-error').textContent())
      .toContain('收到日期（止）：截止日期不能早于起始日期。');
    await court.goto(`${inbox}?tab=all&kind=assistance`);
    expect(await court.getByText('没有符合条件的转介。').count()).toBe(1);

    const phoneContext = await contextAs(live.browser, PHONE, courtContext);
    const phone = await phoneContext.newPage();
    await phone.goto(inbox);
    await phone.screenshot({ path: join(screens, 'court-inbox-360.png'), fullPage: true });
    await Promise.all([desk.close(), courtContext.close(), phoneContext.close()]);
  }, 180_000);
});

describe('the side menu', () => {
  it('marks one entry as the current page: 分派 alone on the assignment page', async () => {
    const context = await contextAs(live.browser, DESKTOP);
    const page = await context.newPage();
    await signInAsDemo(page, live.url, 'desk');
    await page.goto(`${live.url}/t/xuhui/cases/assignment`);
    expect(await currentInMenu(page)).toEqual(['分派']);
    await page.screenshot({ path: join(screens, 'menu-assignment.png') });
    await page.goto(`${live.url}/t/xuhui/cases`);
    expect(await currentInMenu(page)).toEqual(['案件']);
    await page.goto(`${live.url}/t/xuhui`);
    expect(await currentInMenu(page)).toEqual(['今日']);
    await context.close();
  });

  it("gives the city bureau its own menu: its districts' figures, referrals and its own settings, no district desk work", async () => {
    const context = await contextAs(live.browser, DESKTOP);
    const page = await context.newPage();
    await signInFirstTime(page, live.url, 'shanghai', 'Case-page-city-2026');
    const menu = page.getByRole('navigation', { name: '功能导航' });
    // Each entry's label (the notifications' unread count after it left out), once the page after
    // the password change has come in (the address changes as the navigation starts).
    const entries = async () =>
      (await menu.getByRole('link').allInnerTexts()).map((text) => text.split(/\s/)[0]);
    await expect
      .poll(entries)
      .toEqual(['今日', '通知', '转介', '各区汇总', '统计', '机构', '工作人员', '设置', '审计日志']);
    await page.goto(`${live.url}/t/shanghai/statistics/districts`);
    expect(await currentInMenu(page)).toEqual(['各区汇总']);
    await page.screenshot({ path: join(screens, 'menu-city.png'), fullPage: true });
    await context.close();
  });
});
