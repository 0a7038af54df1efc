import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from '../../../test/axe.ts';
import { searchCases, signInAsDemo, signInFirstTime, useDemoStack } from '../../../test/demo-stack.ts';
import { smsCodeFromDemoStack } from '../../../test/resident-sms.ts';
import { importAssistantArticles } from './testing/import-assistant-articles.ts';

/**
 * Issue 19's "done when" for the assistant, in Chromium against the demo stack (its statute library
 * holding the assistant's articles): a resident asks on the public site on a 360 px phone with the
 * app's scripts refused, sees the articles of the Civil Code with their citations verified and the
 * court fee for 50,000 yuan beside free mediation, follows "apply" into the application with the
 * question carried over, proves the phone and gets a case number; the front desk opens that case,
 * asks on its 法律助手 tools screen and follows "start intake" into the intake form with the question.
 * The bureau switches the assistant on for the whole district first, as a district would.
 */
const live = useDemoStack('legal-assistant');

beforeAll(() => importAssistantArticles({ LINJU_DATA_DIR: live.dataDir, DATABASE_URL: '' }), 120_000);

const QUESTION = '朋友借钱不还怎么办，借了5万元';
const PHONE = '13800770001';

/** A resident's 360 px phone that refuses every script the app sends, so it never hydrates. */
async function phoneWithoutScripts(): Promise<Page> {
  const context = await live.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'zh-CN' });
  await context.route(/\.m?js(\?.*)?$/, (route) => route.abort());
  context.setDefaultTimeout(20_000);
  return context.newPage();
}

describe('the legal assistant', () => {
  it('is switched on for the whole district at its centre, where the bureau can switch it off', async () => {
    const admin = await live.browser.newPage();
    await signInFirstTime(admin, live.url, 'xuhui', 'Assistant-pass-2026');
    await admin.goto(`${live.url}/t/xuhui/catalogue`);
    await expect.poll(() => admin.getByRole('button', { name: '在本单位关闭法律助手' }).count()).toBe(1);
    await admin.context().close();
  });

  it('answers a resident with verified articles and costs, and carries the question into an application', async () => {
    const page = await phoneWithoutScripts();
    await page.goto(`${live.url}/t/xuhui/public`);
    await page.getByRole('link', { name: '法律助手', exact: true }).click();
    await page.waitForURL(/\/public\/assistant$/);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '法律助手' }).count()).toBe(1);
    await expectNoSeriousAxeViolations(page, 'the assistant');

    await page.locator('summary', { hasText: '提问' }).click();
    await page.getByLabel('您的问题').fill(QUESTION);
    await page.getByRole('button', { name: '提问', exact: true }).click();
    await page.waitForURL(/\/public\/assistant\?asked=[0-9a-f-]{36}$/);
    expect(decodeURIComponent(page.url())).not.toContain('借钱');

    // The articles of the Civil Code on loans, each verified and linked to the statute API.
    const articles = page.getByRole('region', { name: '适用的法律条文' });
    const first = articles.getByRole('listitem').first();
    await expect.poll(() => first.getByRole('heading').textContent()).toMatch(/^《民法典》第.+条$/);
    expect(await first.getByText('引用已核实').count()).toBe(1);
    expect(await first.getByRole('link').getAttribute('href')).toMatch(
      new RegExp(`^/api/v1/statutes/${encodeURIComponent('民法典')}/\\d+$`),
    );
    // Every citation of the answer links to its article; none is marked repealed or missing.
    const answer = page.getByRole('region', { name: '回答' });
    expect(await answer.locator('a.lj-citation').count()).toBeGreaterThan(0);
    expect(await answer.locator('.lj-citation--repealed, .lj-citation--missing').count()).toBe(0);

    // Court against mediation: the fee for 50,000 yuan (50 + 40,000 × 2.5%) beside free mediation.
    const paths = page.getByRole('region', { name: '解决途径比较' });
    const court = paths.getByRole('listitem').filter({ hasText: '向人民法院起诉' });
    expect(await court.textContent()).toContain('1,050 元');
    expect(await court.textContent()).toContain('《诉讼费用交纳办法》第十三条');
    const mediation = paths.getByRole('listitem').filter({ hasText: '人民调解' }).first();
    expect(await mediation.textContent()).toContain('免费');
    expect(await mediation.textContent()).toContain('《人民调解法》第四条');
    await expectNoSeriousAxeViolations(page, 'the answer');

    // Large text (适老化): the same answer, nothing wider than the phone.
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.waitForURL(/\/public\/assistant\?asked=/);
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await paths.getByRole('listitem').filter({ hasText: '向人民法院起诉' }).textContent()).toContain(
      '1,050 元',
    );
    await expectNoSeriousAxeViolations(page, 'the answer in large text');

    // "Apply for mediation": the phone is proved by SMS code, and the question comes along.
    const services = page.getByRole('region', { name: '可以找的服务' });
    await services.getByRole('button', { name: '申请人民调解' }).click();
    await page.waitForURL(/\/public\/verify\?next=/);
    await page.getByLabel('手机号码').fill(PHONE);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByLabel('短信验证码').fill(await smsCodeFromDemoStack(live.dataDir, 'xuhui', PHONE));
    await page.getByRole('button', { name: '验证', exact: true }).click();
    await page.waitForURL(/\/public\/apply(\?service=mediation)?$/);
    await page.locator('summary', { hasText: '申请人民调解' }).click();
    const dispute = page.locator('form').filter({ has: page.getByLabel('纠纷经过') });
    expect(await dispute.getByLabel('纠纷经过').inputValue()).toBe(QUESTION);
    await dispute.getByLabel('您居住的街道或社区').selectOption({ index: 2 });
    await dispute.getByLabel('您的姓名').fill('林阿姨');
    await dispute.getByLabel('对方（姓名或单位名称）').fill('朋友');
    await dispute.getByRole('button', { name: '提交申请' }).click();
    await page.waitForURL(/\/public\/apply\/done\?case=/);
    const number = new URL(page.url()).searchParams.get('case') ?? '';
    expect(number).toMatch(/^XH-\d{4}-\d{6}$/);

    // The front desk opens the case, asks on its tools screen, and starts an intake with the question.
    const staff = await live.browser.newPage();
    await signInAsDemo(staff, live.url, 'desk');
    await searchCases(staff, live.url, number);
    await staff.getByRole('link', { name: number }).first().click();
    await expect.poll(() => staff.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    await staff.getByRole('region', { name: '法律知识' }).getByRole('link', { name: '法律助手' }).click();
    await expect.poll(() => staff.url()).toMatch(/\/cases\/[0-9a-f-]{36}\/legal-assistant$/);
    await staff.locator('summary', { hasText: '提问' }).click();
    expect(await staff.getByLabel('您的问题').inputValue()).toContain(QUESTION);
    await staff.getByRole('button', { name: '提问', exact: true }).click();
    await expect.poll(() => staff.url()).toContain('done=asked');
    await expect
      .poll(() => staff.getByRole('region', { name: '适用的法律条文' }).getByText('引用已核实').count())
      .toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(staff, 'the case’s assistant');
    await staff.getByRole('button', { name: '以此问题登记人民调解' }).click();
    await expect.poll(() => staff.url()).toMatch(/\/cases\/new$/);
    await expect.poll(() => staff.locator('textarea[name="description"]').inputValue()).toContain(QUESTION);
  });
});
