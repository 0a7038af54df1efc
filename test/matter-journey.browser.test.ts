import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { undrawnCharacters } from '@linju/documents/testing';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { translate } from '../packages/i18n/src/index.ts';
import { choose, DEMO_PASSWORD, screens, useDemoStack } from './demo-stack.ts';
import { latinWordsOn } from './latin-words.ts';

/**
 * Issue #17's journey of one matter, in Chromium against the real stack: a walk-in neighbour
 * dispute (邻里纠纷) taken in at the centre's desk with the other party (被申请人) and its category
 * chosen from the service's list; transferred to the Xujiahui station, whose head is told and
 * assigns it from 待分派 to the station's mediator; the mediator records a session, makes the
 * agreement (a PDF with every character drawn), records both parties' confirmations and the
 * resident's consent to share with the court, and applies for judicial confirmation; the court
 * answers in its inbox with its ruling (确认有效 and the ruling's number); the mediator tells the
 * resident, who rates the service with the code of the rating slip on the public rating page; the
 * case is closed. Once at 1366 px, once on a 360 px phone (its menu behind 菜单) and once without
 * JavaScript, each run its own matter; every step saved as `journey-<run>-<nn>-<step>.png` and
 * read for Latin words.
 */
const live = useDemoStack('matter-journey');
const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('zh-CN', key, params);

/** How a run sees the app: its width, and whether the browser runs scripts. */
interface Run {
  /** The run's name in its screenshots' names. */
  name: string;
  width: number;
  javaScript: boolean;
  /** The resident and the other party of this run's matter, and the resident's phone. */
  resident: string;
  respondent: string;
  phone: string;
}

const RUNS: readonly Run[] = [
  {
    name: '1366',
    width: 1366,
    javaScript: true,
    resident: '周桂英',
    respondent: '吴建华',
    phone: '13700003101',
  },
  {
    name: '360',
    width: 360,
    javaScript: true,
    resident: '郑秀兰',
    respondent: '冯国强',
    phone: '13700003102',
  },
  {
    name: 'nojs',
    width: 1366,
    javaScript: false,
    resident: '陈玉梅',
    respondent: '褚志明',
    phone: '13700003103',
  },
];

const RULING_NUMBER = '（2026）沪0104民特88号';

/**
 * Authenticator secrets of the managers enrolled so far, and the last 30-second step each used:
 * a code is taken once per person, so a later sign-in uses a later step (the server accepts one
 * step either side of its own).
 */
const enrolled = new Map<string, { secret: string; step: bigint }>();

function nextCode(username: string) {
  const known = enrolled.get(username);
  if (!known) throw new Error(`${username} has no authenticator yet`);
  const now = BigInt(Math.floor(Date.now() / 30_000));
  const step = known.step >= now ? known.step + 1n : now;
  enrolled.set(username, { ...known, step });
  return generateHOTP(decodeBase32IgnorePadding(known.secret), step, 6);
}

/** A person at their own browser, seeing the app as the run does. */
async function browserOf(run: Run): Promise<{ context: BrowserContext; page: Page }> {
  const context = await live.browser.newContext({
    viewport: { width: run.width, height: run.width < 600 ? 740 : 900 },
    javaScriptEnabled: run.javaScript,
    locale: 'zh-CN',
    isMobile: run.width < 600,
    hasTouch: run.width < 600,
  });
  return { context, page: await context.newPage() };
}

/**
 * Signs a demo user in through the Chinese sign-in page: a manager enrols the authenticator at
 * the first sign-in and gives its code at later ones.
 */
async function signIn(page: Page, username: string) {
  await page.goto(`${live.url}/t/xuhui/login`);
  await page.getByLabel(t('login.username')).fill(username);
  await page.getByLabel(t('login.password'), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
  await expect.poll(() => page.url()).toMatch(/\/t\/xuhui(\/login\/totp(-setup)?)?$/);
  if (page.url().endsWith('/totp-setup')) {
    const secret = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
    enrolled.set(username, { secret, step: 0n });
    await page.getByLabel(t('totp.code')).fill(nextCode(username));
    await page.locator('main button[type=submit]').click();
  } else if (page.url().endsWith('/totp')) {
    await page.getByLabel(t('totp.code')).fill(nextCode(username));
    await page.locator('main button[type=submit]').click();
  }
  await expect.poll(() => page.url()).toMatch(/\/t\/xuhui$/);
}

/** Follows a link of the side menu, as the person would: on a phone the menu is behind 菜单. */
async function fromMenu(page: Page, run: Run, name: string | RegExp) {
  if (run.width < 600) await page.getByRole('link', { name: t('ui.menu'), exact: true }).click();
  await page
    .getByRole('navigation', { name: t('nav.label') })
    .getByRole('link', { name })
    .click();
}

/** Opens a part of the case page (handling, referrals, feedback…, the service's own pages) from its links. */
async function casePart(page: Page, name: string) {
  await page
    .getByRole('navigation', { name: t('casePage.sections') })
    .getByRole('link', { name, exact: true })
    .click();
}

/** Opens one of the disclosures (an action's form) of a page or a part of it by its title and returns it. */
async function panel(within: Page | Locator, title: string) {
  const page = 'keyboard' in within ? within : within.page();
  const form = within.locator('details', { has: page.locator('summary', { hasText: title }) }).first();
  if ((await form.getAttribute('open')) === null) await form.locator('summary').first().click();
  return form;
}

/** Now in the district's time, to the minute, as a datetime-local field takes it. */
function nowInShanghai() {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date());
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

const body = (page: Page) => page.textContent('body');

async function journey(run: Run) {
  // The run's screenshots of an earlier test run go: the folder shows this run's steps only.
  for (const file of readdirSync(screens))
    if (file.startsWith(`journey-${run.name}-`)) rmSync(join(screens, file));
  let step = 0;
  // Latin words met on the way: every page of the journey speaks Chinese (the one-language scan).
  const latin: string[] = [];
  const overflowing: string[] = [];
  const shoot = async (page: Page, name: string) => {
    // From the top, as the page opens: a full-page shot keeps the sticky menu where the page was scrolled.
    await page.mouse.wheel(0, -100_000);
    await page.screenshot({
      path: join(screens, `journey-${run.name}-${String(++step).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
    latin.push(...(await latinWordsOn(page, `${name} ${new URL(page.url()).pathname}`)));
    // Nothing is wider than the screen: a wide table scrolls in its own box.
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    if (wide > run.width) overflowing.push(`${name} ${new URL(page.url()).pathname}: ${wide} px`);
  };
  const people: BrowserContext[] = [];
  const person = async (username: string) => {
    const { context, page } = await browserOf(run);
    people.push(context);
    await signIn(page, username);
    return page;
  };

  // 1. The centre's desk takes the walk-in in: the dispute, its category from mediation's list, the other party.
  const desk = await person('desk');
  await desk.getByRole('link', { name: t('today.new_case'), exact: true }).click();
  await expect.poll(() => desk.url()).toMatch(/\/cases\/new$/);
  await desk.getByLabel(t('intake.name'), { exact: true }).fill(run.resident);
  await desk.getByLabel(t('intake.phone'), { exact: true }).fill(run.phone);
  await desk.getByLabel(t('intake.service')).selectOption({ label: '人民调解' });
  // Without scripts the form is sent back for the service's own fields and categories.
  if (!run.javaScript) await desk.getByRole('button', { name: t('intake.refresh_services') }).click();
  await expect.poll(() => desk.getByLabel('纠纷概要').count()).toBe(1);
  await desk
    .getByLabel('纠纷概要')
    .fill(`楼上住户${run.respondent}家每晚十点后拖动家具、跺脚，噪音影响休息，多次敲门沟通未果。`);
  await desk.getByLabel(t('intake.category'), { exact: true }).selectOption({ label: '邻里纠纷' });
  const party = desk.getByRole('group', { name: t('parties.intake_party', { n: 1 }) });
  await party.getByLabel(t('parties.role')).selectOption({ label: '被申请人' });
  await party.getByLabel(t('parties.name')).fill(run.respondent);
  await party.getByLabel(t('parties.phone')).fill('13600003100');
  await desk.getByLabel(t('intake.description'), { exact: true }).fill('邻里噪音纠纷，申请人民调解');
  await shoot(desk, 'intake');
  await desk.getByRole('button', { name: t('intake.submit'), exact: true }).click();
  await expect.poll(() => body(desk)).toContain(t('intake.created_title'));
  const number = /XH-\d{4}-\d{6}/.exec(
    (await desk.locator('.admin-case-number').first().textContent()) ?? '',
  )?.[0];
  expect(number).toBeDefined();
  await shoot(desk, 'intake-done');

  // 2. She transfers it to the Xujiahui station.
  await desk.getByRole('link', { name: t('intake.open_case') }).click();
  await expect.poll(() => desk.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
  const casePath = new URL(desk.url()).pathname;
  // The summary header names the service and the category, each in its own field.
  await expect
    .poll(() => desk.locator('dd').allTextContents())
    .toEqual(expect.arrayContaining(['人民调解', '邻里纠纷']));
  const transfer = await panel(desk, t('casePage.transfer'));
  await choose(transfer.locator('#transfer-organisationId'), '徐家汇街道公共法律服务工作站', {
    script: run.javaScript,
  });
  await transfer.getByLabel(t('casePage.reason')).fill('属地街道调处');
  await shoot(desk, 'transfer');
  await transfer.getByRole('button', { name: t('casePage.transfer_submit'), exact: true }).click();
  await expect.poll(() => desk.url()).toContain('done=transfer');
  await expect.poll(() => body(desk)).toContain('徐家汇街道');
  await shoot(desk, 'transferred');

  // 3. The station head is told, and assigns it from 待分派 to the station's mediator.
  const head = await person('station');
  await fromMenu(head, run, new RegExp(`^${t('nav.notifications')}`));
  await expect.poll(() => head.url()).toContain('/notifications');
  await expect
    .poll(() => body(head))
    .toContain(`案件 ${number} 已从徐汇区公共法律服务中心转入本单位，请分派承办人。`);
  await shoot(head, 'station-notified');
  await fromMenu(head, run, t('nav.assignment'));
  await expect.poll(() => head.url()).toContain('/cases/assignment');
  // The menu marks where she is once: 分派, not 案件 as well.
  const current = head.getByRole('navigation', { name: t('nav.label') }).locator('a[aria-current="page"]');
  await expect.poll(() => current.allTextContents()).toEqual([t('nav.assignment')]);
  await head.getByRole('link', { name: new RegExp(`^${t('today.unassigned')}`) }).click();
  await expect.poll(() => head.locator('main').textContent()).toContain(number);
  await head.getByLabel(t('assignment.select_case', { number: number ?? '' })).check();
  await choose(head.locator('#assign-assigneeId'), '孙伟', { script: run.javaScript });
  await shoot(head, 'unassigned-queue');
  await head.getByRole('button', { name: t('assignment.assign_selected') }).click();
  await expect.poll(() => body(head)).toContain(t('assignment.done', { count: 1 }));
  await shoot(head, 'assigned');

  // 4. The mediator finds it on his Today, starts work and records a session.
  const mediator = await person('mediator');
  await mediator.getByRole('link', { name: number }).first().click();
  await expect.poll(() => mediator.url()).toContain(casePath);
  const start = await panel(mediator, t('casePage.set_status'));
  await start.getByLabel(t('casePage.new_status')).selectOption({ label: t('caseStatus.in-progress') });
  await start.getByRole('button', { name: t('casePage.set_status_submit'), exact: true }).click();
  await expect.poll(() => mediator.url()).toContain('done=status');
  await casePart(mediator, '调解记录、调解协议与司法确认');
  await expect.poll(() => mediator.url()).toMatch(/\/mediation$/);
  const mediators = await panel(mediator, '指定调解员');
  await mediators.getByLabel('主持调解员').fill('孙伟');
  await mediators.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => body(mediator)).toContain('孙伟（主持调解员）');
  const session = await panel(mediator, '记录一次调解');
  await session.getByLabel('调解时间').fill(nowInShanghai());
  await session.getByLabel('调解地点').fill('徐家汇街道人民调解委员会调解室');
  await session
    .getByLabel('调解情况')
    .fill(`双方到场。${run.respondent}承认夜间噪音，同意整改；${run.resident}同意不再追究。`);
  await session.getByLabel('结果').selectOption({ label: '达成协议' });
  await shoot(mediator, 'session');
  await session.getByRole('button', { name: '保存' }).click();
  await expect.poll(() => body(mediator)).toContain('徐家汇街道人民调解委员会调解室');
  await shoot(mediator, 'session-recorded');

  // 5. The agreement, as a PDF whose every character a viewer draws.
  const draft = await panel(mediator, '制作调解协议');
  await draft
    .getByLabel('协议条款')
    .fill(`${run.respondent}每日22时至次日7时不在室内拖动家具。\n${run.respondent}在地板加铺地毯降低噪音。`);
  await draft.getByRole('button', { name: '生成调解协议（PDF）' }).click();
  const download = mediator.getByRole('link', { name: '下载调解协议书（PDF）' });
  await expect.poll(() => download.count()).toBe(1);
  const pdf = await mediator.request.get(`${live.url}${(await download.getAttribute('href')) ?? ''}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect(await undrawnCharacters(new Uint8Array(await pdf.body()))).toEqual([]);
  await shoot(mediator, 'agreement');

  // 6. Both parties confirm it; the resident consents to the court seeing the case, and to being contacted.
  for (const party of [run.resident, run.respondent]) {
    const confirm = await panel(mediator, '登记当事人确认');
    await confirm.getByLabel('当事人', { exact: true }).selectOption({ label: party });
    await confirm.getByLabel('确认方式').selectOption({ label: '签名' });
    await confirm.getByRole('button', { name: '登记确认' }).click();
    await expect.poll(() => body(mediator)).toMatch(new RegExp(`${party}：签名`));
  }
  await shoot(mediator, 'agreement-confirmed');
  await mediator.getByRole('link', { name: t('casePage.back', { number: number ?? '' }) }).click();
  await casePart(mediator, t('casePage.referrals_heading'));
  await expect.poll(() => mediator.url()).toMatch(/\/referrals$/);
  const consent = await panel(mediator, t('casePage.consent'));
  await choose(consent.locator('#consent-partnerOrganisationId'), '上海市徐汇区人民法院', {
    script: run.javaScript,
  });
  await shoot(mediator, 'consent');
  await consent.getByRole('button', { name: t('casePage.consent_submit') }).click();
  await expect.poll(() => mediator.url()).toContain('done=consent');
  // And to be contacted about the result: the feedback then gives the resident a rating code.
  await casePart(mediator, t('casePage.consents_heading'));
  const contact = await panel(mediator, t('casePage.resident_consent'));
  await contact
    .getByLabel(t('casePage.consent_purpose'))
    .selectOption({ label: t('consentPurpose.feedback-contact') });
  await contact.getByRole('button', { name: t('casePage.consent_submit') }).click();
  await expect.poll(() => mediator.url()).toContain('done=resident-consent');
  await shoot(mediator, 'consents');

  // 7. He applies for judicial confirmation.
  await casePart(mediator, '调解记录、调解协议与司法确认');
  await expect.poll(() => mediator.url()).toMatch(/\/mediation$/);
  const apply = await panel(mediator, '申请司法确认');
  await apply.getByLabel('法院').selectOption({ index: 0 });
  await shoot(mediator, 'judicial-application');
  await apply.getByRole('button', { name: '提交法院' }).click();
  await expect.poll(() => body(mediator)).toContain('已申请司法确认');
  await shoot(mediator, 'judicial-applied');

  // 8. The court answers from its inbox: accepted, started, and its ruling — 确认有效, with the number.
  const court = await person('court');
  const onToday = court.locator('li', { hasText: run.resident }).getByRole('link');
  await onToday.first().click();
  await expect.poll(() => court.url()).toContain('/referrals');
  const referral = court.locator('[id^="referral-"]', { hasText: run.resident });
  await expect.poll(() => referral.textContent()).toContain('申请司法确认');
  // The agreement is named and attached, not pointed at by an id.
  expect(await referral.textContent()).toContain('人民调解协议书见附件');
  expect(await referral.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  expect(await referral.getByRole('link', { name: `人民调解协议书-${number}.pdf` }).count()).toBe(1);
  await shoot(court, 'court-inbox');
  await referral.getByRole('button', { name: t('referrals.accept'), exact: true }).click();
  await expect
    .poll(() => referral.getByRole('button', { name: t('referrals.start'), exact: true }).count())
    .toBe(1);
  await referral.getByRole('button', { name: t('referrals.start'), exact: true }).click();
  await expect.poll(() => referral.locator('summary', { hasText: t('referrals.complete') }).count()).toBe(1);
  const ruling = await panel(referral, t('referrals.complete'));
  await ruling
    .getByLabel(t('referrals.ruling_outcome'))
    .selectOption({ label: t('referralOutcome.confirmed') });
  await ruling.getByLabel(t('referrals.ruling_number')).fill(RULING_NUMBER);
  await ruling.getByLabel(t('referrals.ruling_note')).fill('调解协议经司法确认有效');
  await shoot(court, 'court-ruling');
  await ruling.getByRole('button', { name: t('referrals.complete'), exact: true }).click();
  await expect.poll(() => body(court)).toContain(t('referrals.done'));
  await shoot(court, 'court-answered');

  // 9. The mediator sees the ruling, records the result and tells the resident: the rating slip.
  // The ruling reaches the mediation record through the referral's workflow, after the court's
  // answer: the page is read again until it has arrived.
  await expect
    .poll(async () => {
      await mediator.goto(`${live.url}${casePath}/mediation`);
      return body(mediator);
    })
    .toContain('人民法院已确认调解协议有效');
  await shoot(mediator, 'judicial-confirmed');
  await mediator.getByRole('link', { name: t('casePage.back', { number: number ?? '' }) }).click();
  await expect.poll(() => body(mediator)).toContain(RULING_NUMBER);
  const resolve = await panel(mediator, t('casePage.set_status'));
  await resolve.getByLabel(t('casePage.new_status')).selectOption({ label: t('caseStatus.resolved') });
  await resolve.getByRole('button', { name: t('casePage.set_status_submit'), exact: true }).click();
  await expect.poll(() => mediator.url()).toContain('done=status');
  await shoot(mediator, 'resolved');
  await casePart(mediator, t('casePage.feedback_heading'));
  await expect.poll(() => mediator.url()).toMatch(/\/feedback$/);
  const feedback = await panel(mediator, t('casePage.feedback'));
  await feedback
    .getByLabel(t('casePage.feedback_summary'))
    .fill('已电话告知：调解协议经人民法院司法确认有效');
  await feedback.getByRole('button', { name: t('casePage.feedback_submit') }).click();
  const slip = mediator.locator('.admin-rating-slip');
  await expect.poll(() => slip.count()).toBe(1);
  await expect.poll(() => slip.isVisible()).toBe(true);
  await expect.poll(() => mediator.locator('h1').textContent()).toContain(t('caseStatus.feedback-given'));
  await shoot(mediator, 'rating-slip');
  const code = ((await slip.locator('.admin-rating-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[0-9A-Z]{5}-?[0-9A-Z]{5}$/);
  const printed = /https?:\/\/\S+?\/rate(?=\s|，|。|$)/.exec((await slip.textContent()) ?? '')?.[0] ?? '';
  expect(printed).toBe(`${live.url}/rate`);
  // What the staff member reads above the slip names the same whole address, not a bare path.
  expect(await body(mediator)).toContain(`访问 ${printed} 输入评价码`);
  // The QR code opens the code's own page: the address the slip's link carries.
  const qrTarget =
    (await slip.getByRole('link', { name: t('casePage.rating_slip_link') }).getAttribute('href')) ?? '';
  expect(qrTarget).toBe(`${live.url}/rate/${code.replace('-', '')}`);

  // 10. The resident rates the service on the public page with the printed address and code.
  const resident = (await browserOf(run)).page;
  people.push(resident.context());
  await resident.goto(printed);
  await resident.getByLabel(t('rate.code')).fill(code);
  await shoot(resident, 'rate-code');
  await resident.getByRole('button', { name: t('rate.check') }).click();
  await expect.poll(() => resident.url()).toBe(qrTarget);
  await resident.getByLabel(t('rate.score_5')).check();
  await resident.getByLabel(t('rate.comment')).fill('调解员很耐心，问题解决了');
  await shoot(resident, 'rate');
  await resident.getByRole('button', { name: t('rate.submit') }).click();
  await expect.poll(() => body(resident)).toContain(t('rate.thanks'));
  await shoot(resident, 'rated');

  // 11. The rating is on the case, which is closed.
  await mediator.goto(`${live.url}${casePath}/feedback`);
  await expect.poll(() => body(mediator)).toContain(t('casePage.satisfaction_value', { score: 5 }));
  await casePart(mediator, t('casePage.actions_heading'));
  const close = await panel(mediator, t('casePage.set_status'));
  await close.getByLabel(t('casePage.new_status')).selectOption({ label: t('caseStatus.closed') });
  await close.getByRole('button', { name: t('casePage.set_status_submit'), exact: true }).click();
  await expect.poll(() => mediator.url()).toContain('done=status');
  await expect.poll(() => mediator.locator('h1').textContent()).toContain(t('caseStatus.closed'));
  await shoot(mediator, 'closed');

  for (const context of people) await context.close();
  expect(latin).toEqual([]);
  expect(overflowing).toEqual([]);
}

describe('a walk-in neighbour dispute, from the desk to its closing', () => {
  for (const run of RUNS) {
    it(`runs ${run.javaScript ? `at ${run.width} px` : 'without JavaScript'}`, () => journey(run), 300_000);
  }
});
