import { startAliyunSmsStandin } from '@linju/message-providers/testing';
import type { MessageTemplateKey } from '@linju/vocabulary';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../packages/i18n/src/index.ts';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { searchCases, signInAsDemo, signInFirstTime, useDemoStack } from './demo-stack.ts';
import { sendLegalAidApplication } from './legal-aid-application.ts';

/**
 * Issue #18's journey of a resident, in Chromium against the real stack, on a 360 px phone — once
 * with the app's scripts refused (what the server renders, forms posted as plain HTML) and once
 * with them. The bureau has set its SMS channel to Alibaba Cloud (a stand-in of its API that
 * checks every signature, where the operator's `LINJU_MESSAGE_ENDPOINTS` sends), so every code and
 * notice the resident gets is read off the SMS that reached the provider. The resident finds the
 * nearest community room from a plain-words entry point; applies for legal aid with a document,
 * proving the phone with the SMS code; follows the case while the front desk decides it, writes to
 * them and closes it; books a notary slot for her will meanwhile; and rates the closed case with
 * the code of the closing SMS. Every public page on the way passes axe.
 */
const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, params);

const ALIYUN = { accessKeyId: 'LTAI-xuhui-site', accessKeySecret: 'xuhui-site-secret-2026' };
/** The templates the district registered with Alibaba Cloud: their ids and variable names. */
const TEMPLATES = {
  'verification-code': { id: 'SMS_900001', params: ['code'] },
  'intake-receipt': { id: 'SMS_900002', params: ['no'] },
  'legal-aid-result': { id: 'SMS_900003', params: ['no', 'result'] },
  'handler-message': { id: 'SMS_900004', params: ['no'] },
  'rating-code': { id: 'SMS_900005', params: ['no', 'code'] },
  'appointment-confirmation': { id: 'SMS_900006', params: ['service', 'time', 'place'] },
} as const satisfies Partial<Record<MessageTemplateKey, { id: string; params: readonly string[] }>>;
type Registered = keyof typeof TEMPLATES;

let aliyun: Awaited<ReturnType<typeof startAliyunSmsStandin>>;
beforeAll(async () => {
  aliyun = await startAliyunSmsStandin({ ...ALIYUN, templates: Object.values(TEMPLATES).map((x) => x.id) });
});
afterAll(() => aliyun?.close());
const live = useDemoStack('resident-journey', {
  env: () => ({ LINJU_MESSAGE_ENDPOINTS: `aliyun-sms=${aliyun.url}` }),
});

/** The `n`-th SMS of a template the provider got for a phone (1-based), once it has arrived. */
async function sms(phone: string, template: Registered, n = 1): Promise<Record<string, string>> {
  const sent = () =>
    aliyun.sent.filter((m) => m.phone === phone && m.templateCode === TEMPLATES[template].id);
  await expect
    .poll(() => sent().length, { timeout: 30_000, message: `${template} to ${phone}` })
    .toBeGreaterThanOrEqual(n);
  return sent()[n - 1]?.params ?? {};
}

const PHONE = { width: 360, height: 740 };

/** A resident's phone; `scripts: false` refuses every script the app sends, so it never hydrates. */
async function residentPhone(scripts: boolean): Promise<Page> {
  const context = await live.browser.newContext({
    viewport: PHONE,
    locale: 'zh-CN',
    isMobile: true,
    hasTouch: true,
  });
  if (!scripts) await context.route(/\.m?js(\?.*)?$/, (route) => route.abort());
  context.setDefaultTimeout(20_000);
  return context.newPage();
}

const main = (page: Page) => page.locator('main');
const shows = (page: Page, text: string) =>
  expect.poll(() => page.getByText(text).count(), { timeout: 20_000 }).toBeGreaterThan(0);

/** Opens one of a page's folded forms by its title and returns it. */
async function panel(page: Page, title: string): Promise<Locator> {
  const form = page.locator('details', { has: page.locator('summary', { hasText: title }) }).first();
  if ((await form.getAttribute('open')) === null) await form.locator('summary').first().click();
  return form;
}

/** Moves the case on through 变更状态 on its handling page. */
async function setStatus(staff: Page, caseUrl: string, status: 'in-progress' | 'resolved' | 'closed') {
  await staff.goto(caseUrl);
  const form = await panel(staff, t('casePage.set_status'));
  await form.getByLabel(t('casePage.new_status')).selectOption({ label: t(`caseStatus.${status}`) });
  await form.getByRole('button', { name: t('casePage.set_status_submit'), exact: true }).click();
  await expect.poll(() => staff.url()).toContain('done=status');
}

describe("a resident's way in", () => {
  it('the bureau sends its SMS through Alibaba Cloud, each template registered', async () => {
    const page = await live.browser.newPage();
    await signInFirstTime(page, live.url, 'xuhui', 'Journey-pass-2026');
    await page.goto(`${live.url}/t/xuhui/messages/providers`);
    const aliyunForm = await panel(page, t('messageProvider.aliyun-sms'));
    await aliyunForm.getByLabel(t('messageProviders.field.signName')).fill('徐汇司法');
    await aliyunForm.getByLabel(t('messageProviders.field.accessKeyId')).fill(ALIYUN.accessKeyId);
    await aliyunForm.getByLabel(t('messageProviders.field.accessKeySecret')).fill(ALIYUN.accessKeySecret);
    for (const [key, { id, params }] of Object.entries(TEMPLATES)) {
      const template = t(`messageTemplateName.${key as Registered}`);
      await aliyunForm.getByLabel(t('messageProviders.template_id', { template })).fill(id);
      await aliyunForm.getByLabel(t('messageProviders.template_params', { template })).fill(params.join(','));
    }
    await aliyunForm
      .getByRole('button', { name: t('messageProviders.save', { provider: '阿里云短信' }) })
      .click();
    await shows(page, t('messageProviders.saved', { channel: t('messageChannel.sms') }));
    await page.context().close();
  }, 120_000);

  it.each([
    ['without scripts', false, '13800138801', '马长友'],
    ['with scripts', true, '13800138802', '秦桂花'],
  ] as const)(
    '%s: finds the nearest room, applies for legal aid, follows it, books a notary slot, rates the closed case',
    async (_, scripts, phone, applicant) => {
      const page = await residentPhone(scripts);
      const axe = (name: string) => expectNoSeriousAxeViolations(page, `${name} (${_})`);

      // 1. From a plain-words entry point to the service, then to the nearest community room.
      await page.goto(`${live.url}/t/xuhui/public`);
      await axe('home');
      await page.getByRole('link', { name: '婚姻家事来聊聊' }).click();
      await page.waitForURL(/\/public\/services\/[a-z-]+$/);
      await axe('service');
      const nav = page.getByRole('navigation', { name: '居民服务导航' });
      await nav.getByRole('link', { name: '服务点' }).click();
      await page.getByLabel('我住在').selectOption({ label: '汇站居民区' });
      await page.getByRole('button', { name: '按距离排序' }).click();
      await page.waitForURL(/community=/);
      const nearest = main(page).locator('article').first();
      // With scripts the address changes before the new page is drawn: wait for what it shows.
      await expect.poll(() => nearest.locator('h3').textContent()).toBe('汇站居民区法律服务工作室');
      await axe('points');
      await nearest.getByRole('link', { name: '汇站居民区法律服务工作室' }).click();
      await page.waitForURL(/\/public\/points\/[0-9a-f-]{36}$/);
      await expect.poll(() => page.getByRole('region', { name: '本周值班' }).count()).toBe(1);
      await axe('the room');

      // 2. Applying asks for the phone first: the code comes by SMS.
      await nav.getByRole('link', { name: '在线申请' }).click();
      await page.waitForURL(/\/public\/verify\?next=/);
      await axe('verify');
      await page.getByLabel('手机号码').fill(phone);
      await page.getByRole('button', { name: '获取验证码' }).click();
      const { code } = await sms(phone, 'verification-code');
      await page.getByLabel('短信验证码').fill(code ?? '');
      await page.getByRole('button', { name: '验证', exact: true }).click();
      await page.waitForURL(/\/public\/apply$/);
      expect(page.url()).not.toContain(phone);
      await axe('apply');

      // 3. Legal aid, on the plugin's own screen, with the hardship declaration and a document.
      await page.getByRole('link', { name: '在线填写' }).click();
      await page.waitForURL(/\/public\/legal-aid\/apply$/);
      await axe('legal aid');
      const number = await sendLegalAidApplication(page, applicant);
      expect(number).toMatch(/^XH-\d{4}-\d{6}$/);
      await axe('applied');
      expect((await sms(phone, 'intake-receipt')).no).toBe(number);

      // 4. The front desk finds it among the cases and decides: legal aid granted, the resident told.
      const staff = await live.browser.newPage();
      await signInAsDemo(staff, live.url, 'desk');
      await searchCases(staff, live.url, number);
      await staff.getByRole('link', { name: number }).first().click();
      await expect.poll(() => staff.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
      const caseUrl = staff.url();
      await expect.poll(() => staff.textContent('main')).toContain(t('channel.online'));
      await staff.getByRole('link', { name: '法律援助申请审查、决定与结案' }).click();
      await expect.poll(() => staff.textContent('body')).toContain('符合法律援助条件');
      const decide = await panel(staff, '作出决定');
      await decide.getByRole('button', { name: '提交决定' }).click();
      await expect.poll(() => staff.textContent('body')).toContain('已决定给予法律援助');
      expect(await sms(phone, 'legal-aid-result')).toMatchObject({ no: number });

      // 5. …and writes to the resident, who is told by SMS and reads it on the matter's page.
      await staff.goto(caseUrl);
      const write = await panel(staff, '给群众留言');
      await write.getByLabel('留言内容').fill('请于周三上午携带身份证和收入证明到区法律援助中心面谈。');
      await write.getByRole('button', { name: '留言并短信通知' }).click();
      await shows(staff, '请于周三上午携带身份证和收入证明到区法律援助中心面谈。');
      expect(await sms(phone, 'handler-message')).toMatchObject({ no: number });
      await nav.getByRole('link', { name: '查进度' }).click();
      await page.getByRole('link', { name: number }).click();
      await page.waitForURL(/\/public\/follow\/[0-9a-f-]{36}$/);
      await shows(page, '请于周三上午携带身份证和收入证明到区法律援助中心面谈。');
      await expect.poll(() => page.getByRole('heading', { name: '办理进度' }).count()).toBe(1);
      expect(page.url()).not.toContain(phone);
      await axe('the matter');

      // 6. Meanwhile she books a notary slot for her will, still proved: the confirmation by SMS.
      await nav.getByRole('link', { name: '预约' }).click();
      await page.getByRole('link', { name: '去预约' }).click();
      await page.waitForURL(/\/public\/notary\/book$/);
      await axe('notary booking');
      await page.getByText('预约办理', { exact: true }).click();
      await page.getByLabel('遗嘱公证').check();
      await page.locator('input[name="slotId"]:not([disabled])').first().check();
      await page.getByLabel('申请人姓名').fill(applicant);
      await page.getByRole('button', { name: '确认预约' }).click();
      await shows(page, '预约成功');
      await expect
        .poll(() => page.locator('section', { hasText: '预约成功' }).textContent())
        .toContain('立遗嘱人身份证件');
      await axe('notary booked');
      expect(await sms(phone, 'appointment-confirmation')).toMatchObject({
        service: expect.stringContaining('公证'),
      });

      // 7. The case is handled and closed; the resident agreed to be asked: the rating code by SMS.
      await setStatus(staff, caseUrl, 'in-progress');
      await setStatus(staff, caseUrl, 'resolved');
      await staff.goto(`${caseUrl}/consent`);
      const consent = await panel(staff, t('casePage.resident_consent'));
      await consent
        .getByLabel(t('casePage.consent_purpose'))
        .selectOption({ label: t('consentPurpose.feedback-contact') });
      await consent.getByRole('button', { name: t('casePage.consent_submit') }).click();
      await expect.poll(() => staff.url()).toContain('done=resident-consent');
      await staff.goto(`${caseUrl}/feedback`);
      const feedback = await panel(staff, t('casePage.feedback'));
      await feedback
        .getByLabel(t('casePage.feedback_summary'))
        .fill('已电话告知：给予法律援助，指派律师代理');
      await feedback.getByRole('button', { name: t('casePage.feedback_submit') }).click();
      await expect.poll(() => staff.locator('.admin-rating-slip').count()).toBe(1);
      await setStatus(staff, caseUrl, 'closed');
      const closing = await sms(phone, 'rating-code');
      expect(closing.no).toBe(number);
      await staff.close();

      // 8. The matter's page says it is closed and leads to rating; the code is the SMS's.
      await nav.getByRole('link', { name: '查进度' }).click();
      await page.getByRole('link', { name: number }).click();
      await shows(page, t('publicResident.status.closed'));
      await page.goto(`${live.url}/rate`);
      await page.getByLabel(t('rate.code')).fill(closing.code ?? '');
      await page.getByRole('button', { name: t('rate.check') }).click();
      await page.getByLabel(t('rate.score_5')).check();
      await page.getByLabel(t('rate.comment')).fill('网上申请很方便，工作人员答复及时');
      await axe('rate');
      await page.getByRole('button', { name: t('rate.submit') }).click();
      await shows(page, t('rate.thanks'));
      await page.context().close();
    },
    360_000,
  );
});
