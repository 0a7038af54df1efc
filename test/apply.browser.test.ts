import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousAxeViolations } from './axe.ts';
import { useDemoStack } from './demo-stack.ts';
import { sendLegalAidApplication } from './legal-aid-application.ts';
import { smsCodeFromDemoStack } from './resident-sms.ts';

/**
 * Asking and applying online (issue #18), as a resident on a 360 px phone in Chromium against the
 * real stack, JavaScript off and then on: the apply page asks for a proved phone first, a question
 * comes back as a case number with the way to follow it, and the legal-aid plugin's own
 * application takes the hardship declaration and a document. Every page passes axe.
 */
const live = useDemoStack('apply');

const PHONE = { 'js-off': '13800990001', 'js-on': '13800990002' } as const;

/** Whether a page's context runs JavaScript. */
const javaScriptOn = new WeakMap<Page, boolean>();

async function phonePage(browser: Browser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled,
    locale: 'zh-CN',
    viewport: { width: 360, height: 740 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  javaScriptOn.set(page, javaScriptEnabled);
  return page;
}

/**
 * The page passes axe as the server renders it. Axe runs in the page, so with JavaScript off the
 * same address is checked in a context that runs scripts, with the same cookies (the proved phone).
 */
async function noSeriousViolations(page: Page, name: string) {
  if (javaScriptOn.get(page)) {
    expect(await seriousAxeViolations(page), name).toEqual([]);
    return;
  }
  const checker = await live.browser.newContext({
    storageState: await page.context().storageState(),
    locale: 'zh-CN',
    viewport: { width: 360, height: 740 },
  });
  const same = await checker.newPage();
  await same.goto(page.url());
  expect(new URL(same.url()).pathname, name).toBe(new URL(page.url()).pathname);
  expect(await seriousAxeViolations(same), name).toEqual([]);
  await checker.close();
}

/** Opens the apply page: the site asks for the phone first, texts a code, and comes back. */
async function verifiedOnApply(page: Page, phone: string) {
  await page.goto(`${live.url}/t/xuhui/public/apply`);
  expect(new URL(page.url()).pathname).toBe('/t/xuhui/public/verify');
  await page.getByLabel('手机号码').fill(phone);
  await page.getByRole('button', { name: '获取验证码' }).click();
  // The code's field shows once the code is sent.
  await page.getByLabel('短信验证码').waitFor();
  await page.getByLabel('短信验证码').fill(await smsCodeFromDemoStack(live.dataDir, 'xuhui', phone));
  await page.getByRole('button', { name: '验证', exact: true }).click();
  await page.waitForURL(/\/t\/xuhui\/public\/apply$/);
  // With JavaScript the address changes before the page is drawn: wait for what it shows.
  await expect.poll(() => page.getByRole('heading', { level: 1, name: '在线申请' }).count()).toBe(1);
}

/** Sends a question from the apply page and reads the case number off the confirmation. */
async function askQuestion(page: Page, question: string): Promise<string> {
  await page.locator('summary', { hasText: '法律咨询' }).click();
  const form = page.locator('form').filter({ has: page.getByLabel('您的问题') });
  await form.getByLabel('您居住的街道或社区').selectOption({ index: 2 });
  await form.getByLabel('您的姓名').fill('林阿姨');
  await form.getByLabel('咨询类别').selectOption({ label: '房屋物业' });
  await form.getByLabel('您的问题').fill(question);
  await form.getByRole('button', { name: '提交申请' }).click();
  await page.waitForURL(/\/public\/apply\/done\?case=/);
  const number = new URL(page.url()).searchParams.get('case') ?? '';
  // With JavaScript the address changes before the confirmation is drawn.
  await page.getByRole('heading', { level: 1, name: '申请已提交' }).waitFor();
  await expect.poll(() => page.getByText(`案件编号：${number}`).count()).toBe(1);
  expect(await page.getByRole('link', { name: '查询办理进度' }).getAttribute('href')).toBe(
    '/t/xuhui/public/follow',
  );
  return number;
}

describe('asking and applying online', () => {
  it('with JavaScript off: a question and a legal-aid application with a document, each with its number', async () => {
    const page = await phonePage(live.browser, false);
    await verifiedOnApply(page, PHONE['js-off']);
    await noSeriousViolations(page, 'apply');

    // A question too short is refused in words next to the field, what was typed kept.
    await page.locator('summary', { hasText: '法律咨询' }).click();
    const form = page.locator('form').filter({ has: page.getByLabel('您的问题') });
    await form.getByLabel('您居住的街道或社区').selectOption({ index: 2 });
    await form.getByLabel('您的姓名').fill('林阿姨');
    await form.getByLabel('咨询类别').selectOption({ label: '房屋物业' });
    await form.getByLabel('您的问题').fill('押金');
    await form.getByRole('button', { name: '提交申请' }).click();
    expect(await page.getByText('请至少写10个字，说明事情经过。').count()).toBeGreaterThan(0);
    expect(await page.getByLabel('您的姓名').first().inputValue()).toBe('林阿姨');

    await page.goto(`${live.url}/t/xuhui/public/apply`);
    const number = await askQuestion(page, '房东不退押金，合同到期已经两个月了');
    expect(number).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
    await noSeriousViolations(page, 'apply done');

    // The same question again within a day answers the same case.
    await page.goto(`${live.url}/t/xuhui/public/apply`);
    expect(await askQuestion(page, '房东不退押金，合同到期已经两个月了。')).toBe(number);

    // Legal aid: the plugin's own screen, offered on the apply page.
    await page.goto(`${live.url}/t/xuhui/public/apply`);
    await page.getByRole('link', { name: '在线填写' }).click();
    await page.waitForURL(/\/public\/legal-aid\/apply$/);
    expect(await page.getByRole('heading', { level: 1, name: '法律援助网上申请' }).count()).toBe(1);
    await noSeriousViolations(page, 'legal aid');
    const legalAid = await sendLegalAidApplication(page, '马长友');
    expect(legalAid).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
    expect(legalAid).not.toBe(number);
    await page.context().close();
  }, 240_000);

  it('with JavaScript on: a question comes back with its number', async () => {
    const page = await phonePage(live.browser, true);
    await verifiedOnApply(page, PHONE['js-on']);
    await noSeriousViolations(page, 'apply (JavaScript on)');
    expect(await askQuestion(page, '公司拖欠三个月工资，不签劳动合同')).toMatch(/^[A-Z]+-\d{4}-\d{6}$/);
    await page.context().close();
  }, 120_000);
});
