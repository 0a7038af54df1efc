import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translate } from '../packages/i18n/src/index.ts';
import { choose, screens, signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * A referral to a partner without an account, in Chromium against the real stack: the desk officer
 * refers a walk-in to the women's federation (no accounts, no system of its own) and is shown the
 * one-time link to pass on; the federation opens it in a browser without signing in, accepts,
 * starts, exchanges progress notes with the desk and completes the referral with a document; the
 * outcome and the document are on the case, and the link then says it is closed. An unknown link is named as such, in zh-CN and in English.
 */
const live = useDemoStack('partner-link');
const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, params);

/** Opens one of a page's disclosures by its summary and returns it. */
async function panel(page: Page, title: string) {
  const form = page.locator('details', { has: page.locator('summary', { hasText: title }) }).first();
  if ((await form.getAttribute('open')) === null) await form.locator('summary').click();
  return form;
}

/**
 * The desk officer takes in a walk-in, records the resident's consent and refers the case to the
 * women's federation (no accounts): answers the case page's path and the one-time link shown.
 */
async function referToFederation(page: Page, resident: { name: string; phone: string }, summary: string) {
  await signInAsDemo(page, live.url, 'desk');
  await page.goto(`${live.url}/t/xuhui/cases/new`);
  await page.getByLabel('姓名', { exact: true }).fill(resident.name);
  await page.getByLabel('电话', { exact: true }).fill(resident.phone);
  await page.getByLabel('服务类型').selectOption('consultation');
  await expect.poll(() => page.getByLabel('咨询主题').count()).toBe(1);
  await page.getByLabel('案件描述').fill('婚姻家庭矛盾，希望妇联介入疏导');
  await page.getByLabel('咨询主题').fill('家庭矛盾');
  await page.getByLabel('咨询渠道').selectOption('walk-in');
  await page.getByLabel('问题描述').fill('夫妻长期争吵，影响未成年子女');
  await page.getByRole('button', { name: '受理' }).click();
  await page.getByRole('link', { name: '打开案件' }).click();
  await expect.poll(() => page.url()).toMatch(/\/cases\/[0-9a-f-]{36}/);
  const casePath = new URL(page.url()).pathname;

  await page.goto(`${live.url}${casePath}/referrals`);
  const consent = await panel(page, t('casePage.consent'));
  await choose(consent.locator('#consent-partnerOrganisationId'), '妇女联合会', {
    option: '徐汇区妇女联合会',
  });
  await consent.getByRole('button', { name: t('casePage.consent_submit') }).click();
  await expect.poll(() => page.url()).toContain('done=consent');
  const refer = await panel(page, t('casePage.refer'));
  await choose(refer.locator('#refer-toOrganisationId'), '妇女联合会', { option: '徐汇区妇女联合会' });
  await refer.locator('#refer-kind').selectOption('assistance');
  await refer.locator('#refer-summary').fill(summary);
  await refer.getByRole('button', { name: t('casePage.refer_submit'), exact: true }).click();

  // The link is shown once, with who to give it to; no SMS sender is installed, and it says so.
  const shown = page.locator('.admin-partner-link');
  await expect.poll(() => shown.count()).toBe(1);
  expect(await page.textContent('body')).toContain(t('casePage.partner_link_no_sender'));
  expect(await page.textContent('body')).toContain('021-64870000');
  const link = ((await shown.textContent()) ?? '').trim();
  expect(link).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
  return { casePath, link };
}

describe('one-time links for partners without an account', () => {
  it('lets the federation answer a referral through its link, without signing in', async () => {
    const page = await live.browser.newPage();
    const { casePath, link } = await referToFederation(
      page,
      { name: '吴女士', phone: '13812340123' },
      '请妇联介入家庭矛盾疏导',
    );
    await page.screenshot({ path: join(screens, 'partner-link-issued.png'), fullPage: true });

    // The federation: a fresh browser, no session.
    const partner = await (await live.browser.newContext()).newPage();
    await partner.goto(link);
    await expect.poll(() => partner.textContent('body')).toContain('请妇联介入家庭矛盾疏导');
    expect(await partner.textContent('body')).toContain('吴女士');
    await partner.screenshot({ path: join(screens, 'partner-link-page.png'), fullPage: true });
    const accept = await panel(partner, t('referrals.accept'));
    await accept.getByLabel(t('partnerLink.answered_by')).fill('陈干事');
    await accept.getByRole('button', { name: t('referrals.accept') }).click();
    await expect.poll(() => partner.textContent('body')).toContain(t('partnerLink.done'));
    const start = await panel(partner, t('referrals.start'));
    await start.getByRole('button', { name: t('referrals.start') }).click();
    await expect.poll(() => partner.locator('summary', { hasText: t('referrals.complete') }).count()).toBe(1);
    // A progress note (no state change) lands on the sender's case, and the sender's note on the page.
    const note = await panel(partner, t('referrals.note_add'));
    await note.getByLabel(t('referrals.note_text')).fill('已约双方周六到妇联面谈');
    await note.getByRole('button', { name: t('referrals.note_send') }).click();
    await expect.poll(() => partner.url()).toContain('done=note');
    await page.goto(`${live.url}${casePath}`);
    await expect.poll(() => page.textContent('body')).toContain('已约双方周六到妇联面谈');
    expect(await page.textContent('body')).toContain(t('casePage.referral_note_from_partner'));
    await page.goto(`${live.url}${casePath}/referrals`);
    const reply = await panel(page, t('casePage.referral_note'));
    await reply.getByLabel(t('casePage.referral_note_text')).fill('当事人周六上午方便');
    await reply.getByRole('button', { name: t('casePage.referral_note_submit') }).click();
    await expect.poll(() => page.url()).toContain('done=referral-note');
    await partner.goto(link);
    await expect.poll(() => partner.textContent('body')).toContain('当事人周六上午方便');
    const complete = await panel(partner, t('referrals.complete'));
    await complete.getByRole('button', { name: t('referrals.complete') }).click();
    // An outcome is required: the form says so and keeps the page.
    await expect.poll(() => partner.textContent('body')).toContain(t('referral.outcome_required'));
    const again = await panel(partner, t('referrals.complete'));
    await again
      .getByLabel(t('referrals.outcome_code'))
      .selectOption({ label: t('referralOutcome.resolved') });
    await again.getByLabel(t('referrals.outcome_text')).fill('妇联已两次上门疏导，双方同意接受婚姻家庭辅导');
    // With a document: it becomes a document of the sender's case.
    await again.getByLabel(t('referrals.outcome_documents')).setInputFiles({
      name: '辅导记录.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('婚姻家庭辅导记录：第一次面谈'),
    });
    await again.getByRole('button', { name: t('referrals.complete') }).click();
    await expect.poll(() => partner.textContent('body')).toContain(t('partnerLink.closed_after_answer'));

    // The sender sees the outcome on the case; the link, opened again, is closed.
    await page.goto(`${live.url}${casePath}`);
    await expect.poll(() => page.textContent('body')).toContain('妇联已两次上门疏导');
    expect(await page.textContent('body')).toContain('陈干事（徐汇区妇女联合会）');
    await page.goto(`${live.url}${casePath}/documents`);
    const download = page.getByRole('link', {
      name: t('casePage.document_download', { name: '辅导记录.txt' }),
    });
    expect(await download.count()).toBe(1);
    await page.screenshot({ path: join(screens, 'partner-link-outcome-documents.png'), fullPage: true });
    await partner.goto(link);
    await expect.poll(() => partner.textContent('body')).toContain(t('partner_link.used'));

    // A link that does not exist is named as such, in the reader's language.
    await partner.goto(`${live.url}/p/${'A'.repeat(43)}`);
    await expect.poll(() => partner.textContent('body')).toContain(t('partner_link.invalid'));
    const english = await live.browser.newContext();
    await english.addCookies([{ name: 'linju_locale', value: 'en', url: live.url }]);
    const reader = await english.newPage();
    await reader.goto(`${live.url}/p/${'B'.repeat(43)}`);
    await expect.poll(() => reader.textContent('body')).toContain(translate('en', 'partner_link.invalid'));
    await reader.screenshot({ path: join(screens, 'partner-link-unknown-en.png'), fullPage: true });
  });

  it('takes a failure through the link: a reason, and an optional outcome with a document for the sender', async () => {
    const page = await live.browser.newPage();
    const { casePath, link } = await referToFederation(
      page,
      { name: '郑女士', phone: '13812340456' },
      '请妇联协助调处赡养纠纷',
    );
    const partner = await (await live.browser.newContext()).newPage();
    await partner.goto(link);
    const accept = await panel(partner, t('referrals.accept'));
    await accept.getByRole('button', { name: t('referrals.accept') }).click();
    await expect.poll(() => partner.locator('summary', { hasText: t('referrals.fail') }).count()).toBe(1);
    // A failure needs its reason; an outcome, once begun (here a document), its code and text.
    const fail = await panel(partner, t('referrals.fail'));
    await fail.getByLabel(t('referrals.outcome_documents')).setInputFiles({
      name: '情况说明.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('当事人子女拒绝参加调处的情况说明'),
    });
    await fail.getByRole('button', { name: t('referrals.fail') }).click();
    await expect.poll(() => partner.textContent('body')).toContain(t('referral.reason_required'));
    expect(await partner.textContent('body')).toContain(t('referral.outcome_required'));
    const again = await panel(partner, t('referrals.fail'));
    await again.getByLabel(t('referrals.reason')).fill('赡养人拒绝参加调处');
    await again
      .getByLabel(t('referrals.outcome_code'))
      .selectOption({ label: t('referralOutcome.not-resolved') });
    await again.getByLabel(t('referrals.outcome_text')).fill('赡养人书面拒绝，建议当事人申请法律援助');
    await again.getByLabel(t('referrals.outcome_documents')).setInputFiles({
      name: '情况说明.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('当事人子女拒绝参加调处的情况说明'),
    });
    await again.getByRole('button', { name: t('referrals.fail') }).click();
    await expect.poll(() => partner.textContent('body')).toContain(t('partnerLink.closed_after_answer'));

    // On the sender's case: failed, with its reason, the outcome and the document to download.
    await page.goto(`${live.url}${casePath}`);
    await expect.poll(() => page.textContent('body')).toContain('赡养人拒绝参加调处');
    expect(await page.textContent('body')).toContain('赡养人书面拒绝，建议当事人申请法律援助');
    await page.goto(`${live.url}${casePath}/documents`);
    const download = page.getByRole('link', {
      name: t('casePage.document_download', { name: '情况说明.txt' }),
    });
    expect(await download.count()).toBe(1);
  });
});

describe('the case tools that had no screen', () => {
  it('cancels a referral, links another matter and records a joint consultation, each on the timeline', async () => {
    const page = await live.browser.newPage();
    const { casePath, link } = await referToFederation(
      page,
      { name: '孙女士', phone: '13812340131' },
      '家庭矛盾疏导，当事人后改为自行协商',
    );

    // 撤回: the sender cancels with a reason; the partner's one-time link stops working with it.
    await page.goto(`${live.url}${casePath}/referrals`);
    const cancel = await panel(page, t('casePage.referral_cancel'));
    await cancel.getByRole('button', { name: t('casePage.referral_cancel_submit') }).click();
    await expect.poll(() => cancel.textContent()).toContain(t('validation.required'));
    await cancel.getByLabel(t('casePage.reason')).fill('当事人已与家人和好，不再需要介入');
    await cancel.getByRole('button', { name: t('casePage.referral_cancel_submit') }).click();
    await expect.poll(() => page.url()).toContain('done=cancel-referral');
    await expect
      .poll(() => page.textContent('#referrals-heading + ul'))
      .toContain(t('referralStatus.cancelled'));
    const partner = await (await live.browser.newContext()).newPage();
    await partner.goto(link);
    await expect.poll(() => partner.textContent('body')).toContain(t('partner_link.used'));

    // The timeline says what happened to the referral, not just "转介".
    await page.goto(`${live.url}${casePath}`);
    await expect
      .poll(() => page.textContent('.admin-timeline'))
      .toContain(`${t('referralKind.assistance')} → 徐汇区妇女联合会 · ${t('referralStatus.cancelled')}`);
    // Each entry is titled by what happened: the consent says what it allows, the sending is one entry,
    // and none names only where something went ("→ 妇联").
    const entries = page.locator('.admin-timeline > li');
    const titles = await entries.locator('.admin-timeline__head strong').allTextContents();
    expect(titles).toEqual(
      expect.arrayContaining([
        t('auditAction.case.consent_recorded'),
        t('auditAction.referral.partner_link_issued'),
        t('auditAction.referral.cancelled'),
      ]),
    );
    expect(titles.filter((title) => title === t('auditAction.referral.requested'))).toHaveLength(1);
    expect(await page.textContent('.admin-timeline')).toContain(
      `${t('consentPurpose.share-with-partner')} · 徐汇区妇女联合会`,
    );
    const details = await entries.locator('.admin-timeline__head + p').allTextContents();
    expect(details.filter((detail) => /^\s*→/.test(detail))).toEqual([]);

    // 链条式: linking another matter of the district by its number.
    const thisNumber = (await page.textContent('h1')) ?? '';
    await page.goto(`${live.url}/t/xuhui/cases`);
    const numbers = await page.locator('main table a').allTextContents();
    const other = numbers.map((n) => n.trim()).find((n) => /^XH-/.test(n) && !thisNumber.includes(n));
    expect(other).toBeDefined();
    await page.goto(`${live.url}${casePath}/links`);
    const linkForm = await panel(page, t('casePage.link'));
    await linkForm.getByLabel(t('casePage.link_number')).fill('XH-1999-000001');
    await linkForm.getByRole('button', { name: t('casePage.link_submit'), exact: true }).click();
    await expect.poll(() => page.textContent('main')).toContain(t('case.link_number_unknown'));
    await linkForm.getByLabel(t('casePage.link_number')).fill(other ?? '');
    await linkForm.getByLabel(t('casePage.link_kind')).selectOption('legal-aid');
    await linkForm.getByRole('button', { name: t('casePage.link_submit'), exact: true }).click();
    // Done, or the page's refusal as the failure's message.
    await expect
      .poll(async () => (page.url().includes('done=link') ? 'linked' : await page.textContent('main')))
      .toBe('linked');
    await expect.poll(() => page.textContent('.admin-chain')).toContain(other ?? '');
    expect(await page.textContent('.admin-chain')).toContain(t('caseLinkKind.legal-aid'));

    // 联合咨询: one service is not a joint consultation; what was typed survives the refusal.
    await page.goto(`${live.url}${casePath}/joint-consultation`);
    const consultation = await panel(page, t('casePage.joint_consultation'));
    await consultation.getByLabel(t('casePage.joint_consultation_others')).fill('王律师（顾问律师）');
    await consultation
      .getByLabel(t('casePage.joint_consultation_notes'))
      .fill('先行调解，调解不成申请法律援助');
    await consultation.getByRole('button', { name: t('casePage.joint_consultation_submit') }).click();
    await expect.poll(() => page.textContent('main')).toContain(t('case.consultation_needs_services'));
    const again = await panel(page, t('casePage.joint_consultation'));
    expect(await again.getByLabel(t('casePage.joint_consultation_notes')).inputValue()).toBe(
      '先行调解，调解不成申请法律援助',
    );
    await again.locator('input[name=services]:not(:checked)').first().check();
    await again.getByRole('button', { name: t('casePage.joint_consultation_submit') }).click();
    await expect.poll(() => page.url()).toContain('done=joint-consultation');
    const held = (await page.textContent('#joint-consultation-heading + ul')) ?? '';
    expect(held).toContain('王律师');
    expect(held).toContain('先行调解，调解不成申请法律援助');
    await page.screenshot({ path: join(screens, 'case-joint-consultation.png'), fullPage: true });
    await page.close();
  });
});
