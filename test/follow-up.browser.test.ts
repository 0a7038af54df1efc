import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screens, signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * After the result, in Chromium against the real stack: the desk officer records that the resident
 * agreed to be contacted for feedback, records the feedback and is shown a one-time rating code;
 * the resident, without an account, rates the matter with it; the code then says it was used. The
 * notifications screen is in the navigation for everyone.
 */
const live = useDemoStack('follow-up');

/** Opens one of the case page's action forms (a disclosure) and returns it. */
async function action(page: Page, title: string) {
  const form = page.locator('details', { has: page.locator('summary', { hasText: title }) });
  await form.locator('summary').click();
  return form;
}

describe('feedback and the resident’s own rating', () => {
  it('shows a one-time code with the feedback, which the resident uses once without an account', async () => {
    const page = await live.browser.newPage();
    await signInAsDemo(page, live.url, 'desk');
    await expect.poll(() => page.getByRole('link', { name: /^通知/ }).count()).toBe(1);
    // A walk-in taken in at the front desk, as in the front-desk journey.
    await page.goto(`${live.url}/t/xuhui/cases/new`);
    await page.getByLabel('姓名', { exact: true }).fill('周先生');
    await page.getByLabel('电话', { exact: true }).fill('13812340099');
    await page.getByLabel('服务类型').selectOption('consultation');
    await expect.poll(() => page.getByLabel('咨询主题').count()).toBe(1);
    await page.getByLabel('案件描述').fill('小区物业擅自上调停车费，询问是否合法');
    await page.getByLabel('咨询主题').fill('物业停车费');
    await page.getByLabel('咨询渠道').selectOption('walk-in');
    await page.getByLabel('问题描述').fill('业主委员会未表决，物业即上调停车费');
    await page.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => page.textContent('body')).toMatch(/XH-\d{4}-\d{6}/);
    await page.getByRole('link', { name: '打开案件' }).click();
    await expect.poll(() => page.url()).toMatch(/\/cases\/[0-9a-f-]{36}/);
    const casePath = new URL(page.url()).pathname;

    // Each move shows the next one's form: in progress offers "resolved", resolved offers feedback
    // (on the case page's feedback part).
    const next = {
      'in-progress': () => page.locator('select[name=status] option[value=resolved]').count(),
      resolved: async () => {
        await page.goto(`${live.url}${casePath}/feedback`);
        return page.locator('summary', { hasText: '记录信息反馈' }).count();
      },
    };
    for (const status of ['in-progress', 'resolved'] as const) {
      const form = await action(page, '变更状态');
      await form.getByLabel('新状态').selectOption(status);
      await form.getByRole('button', { name: '变更' }).click();
      await expect.poll(next[status]).toBe(1);
    }
    await page.goto(`${live.url}${casePath}/consent`);
    const consent = await action(page, '记录当事人授权');
    await consent.getByLabel('授权事项').selectOption('feedback-contact');
    await consent.getByRole('button', { name: '记录同意' }).click();
    await expect.poll(() => page.textContent('#consent-heading + *')).toContain('同意回访联系');

    await page.goto(`${live.url}${casePath}/feedback`);
    const feedback = await action(page, '记录信息反馈');
    await feedback.getByLabel('告知群众的结果').fill('已电话告知：停车费上调须经业主大会表决');
    await feedback.getByRole('button', { name: '记录反馈' }).click();
    const codeBox = page.locator('.admin-rating-code');
    await expect.poll(() => codeBox.count()).toBe(1);
    const code = ((await codeBox.textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    // The code comes on a slip to hand over: the district, a QR code and the code's own link.
    const slip = page.locator('.admin-rating-slip');
    expect(await slip.textContent()).toContain('徐汇区司法局 服务满意度评价卡');
    expect(await slip.getByRole('img', { name: '评价页二维码：扫码直接评价' }).count()).toBe(1);
    const rateLink = await slip.getByRole('link').getAttribute('href');
    expect(rateLink).toMatch(/\/rate\/[A-Z0-9]{10}$/);
    // The page under the code is the case as it now is: feedback given.
    await expect.poll(() => page.textContent('h1')).toContain('已反馈');
    await page.screenshot({ path: join(screens, 'rating-code-issued.png'), fullPage: true });

    // The resident: a fresh browser context, no session.
    const resident = await (await live.browser.newContext()).newPage();
    await resident.goto(`${live.url}/rate`);
    // The resident's pages are the public service's, not the staff's admin app.
    expect(await resident.title()).not.toContain('管理后台');
    // A mistyped code is refused on the field itself, and the resident retries right there.
    await resident.getByLabel('评价码').fill('AAAAA-AAAAA');
    await resident.getByRole('button', { name: '下一步' }).click();
    await expect.poll(() => resident.textContent('.lj-field')).toContain('评价码无效，请核对后重试。');
    await resident.getByLabel('评价码').fill(code.toLowerCase());
    await resident.getByRole('button', { name: '下一步' }).click();
    await expect.poll(() => resident.textContent('body')).toContain('徐汇区司法局');
    // No score is chosen for the resident: sending none asks for one, keeping the comment.
    expect(await resident.locator('input[name="score"]:checked').count()).toBe(0);
    await resident.getByLabel('意见建议（可不填）').fill('解释得很清楚');
    await resident.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => resident.textContent('fieldset')).toContain('请选择 1 到 5 分。');
    expect(await resident.getByLabel('意见建议（可不填）').inputValue()).toBe('解释得很清楚');
    await resident.getByLabel('4 – 满意').check();
    await resident.getByRole('button', { name: '提交评价' }).click();
    await expect.poll(() => resident.textContent('body')).toContain('谢谢，您的评价已收到。');
    await resident.screenshot({ path: join(screens, 'rating-thanks.png'), fullPage: true });
    await resident.reload();
    await expect.poll(() => resident.textContent('body')).toContain('该评价码已使用');
    // The slip's link (what its QR code opens) leads straight to the code's page, now used.
    await resident.goto(rateLink ?? '');
    await expect.poll(() => resident.textContent('body')).toContain('该评价码已使用');

    await page.reload();
    await expect.poll(() => page.textContent('body')).toContain('解释得很清楚');
    await page.goto(`${live.url}/t/xuhui/notifications`);
    await expect.poll(() => page.textContent('h1')).toBe('通知');
    await page.close();
  });
});

describe('a questionnaire answered on the public page', () => {
  it('takes a resident’s answers through the public link and shows them in the summary', async () => {
    const page = await live.browser.newPage();
    await signInAsDemo(page, live.url, 'inspector');
    await page.goto(`${live.url}/t/xuhui/questionnaires`);
    await page.getByRole('link', { name: /公共法律服务群众满意度调查/ }).click();
    const link = ((await page.locator('td code').first().textContent()) ?? '').trim();
    expect(link).toMatch(/^\/survey\/[A-Z0-9]{5}-[A-Z0-9]{5}$/);

    // The resident: a fresh browser context, no session.
    const resident = await (await live.browser.newContext()).newPage();
    await resident.goto(`${live.url}${link}`);
    await expect.poll(() => resident.textContent('h1')).toBe('公共法律服务群众满意度调查');
    await resident.getByRole('button', { name: '提交答卷' }).click();
    await expect.poll(() => resident.textContent('body')).toContain('第1题为必答题');
    await resident.getByLabel('12348热线').check();
    await resident.getByLabel('办理效率').check();
    await resident.getByLabel('专业水平').check();
    await resident.getByLabel('4 – 满意').check();
    await resident.getByLabel(/您还有什么意见和建议/).fill('希望周末也能预约');
    await resident.getByRole('button', { name: '提交答卷' }).click();
    await expect.poll(() => resident.textContent('body')).toContain('谢谢，您的答卷已收到。');
    await resident.screenshot({ path: join(screens, 'questionnaire-thanks.png'), fullPage: true });

    await page.reload();
    await page.locator('th a', { hasText: '至' }).first().click();
    await expect.poll(() => page.textContent('[data-testid=responses]')).toContain('1 份');
    await expect.poll(() => page.textContent('body')).toContain('希望周末也能预约');
    await expect.poll(() => page.textContent('body')).toContain('平均 4 分');
    await page.screenshot({ path: join(screens, 'questionnaire-summary.png'), fullPage: true });
    await page.close();
  });
});
