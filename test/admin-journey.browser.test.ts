import { join } from 'node:path';
import { pluginRegistry } from '@linju/plugins';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP, generateTOTP } from '@oslojs/otp';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Locale, type MessageKey, type MessageParams, translate } from '../packages/i18n/src/index.ts';
import { choose, DEMO_PASSWORD, screens, useDemoStack } from './demo-stack.ts';

/**
 * The district's main journey in Chromium against one real stack (`npm start`, fresh data): the
 * bureau administrator adds a street station and defines an X service for it, a desk officer takes
 * in a walk-in and hands it to the mediator, the mediator refers it to the court for judicial
 * confirmation, the court's partner user accepts and completes it in the partner inbox, and the
 * first responder tells the resident and records their rating. Once in zh-CN and once in en; the
 * labels come from the message catalogues, so the same steps read both languages. Every screen is
 * saved at desktop width and at 360 px under `.data/screens`.
 */
const live = useDemoStack('journey');
const ADMIN_PASSWORD = 'Admin-journey-pass-2026';
const WIDTHS = [1366, 360] as const;
let adminTotp = '';

const totp = (secret: string) => generateTOTP(decodeBase32IgnorePadding(secret), 30, 6);
// A code is accepted once per person: signing in again gives the next 30-second step's code (the
// server takes one step either side), never the one an earlier sign-in may have used.
const nextTotp = (secret: string) =>
  generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + 1), 6);

/** A person at their own browser, in one language. */
interface Desk {
  page: Page;
  context: BrowserContext;
  t: (key: MessageKey, params?: MessageParams) => string;
}

async function signIn(username: string, locale: Locale): Promise<Desk> {
  const context = await live.browser.newContext({ viewport: { width: 1366, height: 900 } });
  // The language cookie the switch would set; the sign-in page itself is tested in zh-CN elsewhere.
  await context.addCookies([{ name: 'linju_locale', value: locale, url: live.url }]);
  const page = await context.newPage();
  const t = (key: MessageKey, params?: MessageParams) => translate(locale, key, params);
  await page.goto(`${live.url}/t/xuhui/login`);
  await page.getByLabel(t('login.username')).fill(username);
  const password = username === 'admin' && adminTotp ? ADMIN_PASSWORD : DEMO_PASSWORD;
  await page.getByLabel(t('login.password'), { exact: true }).fill(password);
  await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
  if (username === 'admin') {
    await expect.poll(() => page.url()).toMatch(/totp/);
    if (page.url().includes('totp-setup')) {
      // First sign-in: enrol the authenticator, then choose a new password.
      adminTotp = (await page.getByTestId('totp-secret').textContent())?.replace(/\s/g, '') ?? '';
      await page.getByLabel(t('totp.code')).fill(totp(adminTotp));
      await page.locator('main button[type=submit]').click();
      await expect.poll(() => page.url()).toMatch(/change-password/);
      await page.getByLabel(t('changePassword.current')).fill(DEMO_PASSWORD);
      await page.getByLabel(t('changePassword.new'), { exact: true }).fill(ADMIN_PASSWORD);
      await page.getByLabel(t('changePassword.repeat')).fill(ADMIN_PASSWORD);
      await page.locator('main button[type=submit]').click();
    } else {
      await page.getByLabel(t('totp.code')).fill(nextTotp(adminTotp));
      await page.locator('main button[type=submit]').click();
    }
  }
  await expect.poll(() => page.url()).toMatch(/\/t\/xuhui$/);
  return { page, context, t };
}

/** Saves the page at desktop width and at 360 px (a tablet in a community room), then restores desktop. */
async function shoot({ page }: Desk, name: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(screens, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

/** Opens a path and saves it; fails when the page is an error page instead of the screen. */
async function visit(desk: Desk, path: string, name: string) {
  const response = await desk.page.goto(`${live.url}${path}`);
  expect(response?.status(), `${path} answers`).toBeLessThan(400);
  await shoot(desk, name);
}

const bodyText = (desk: Desk) => desk.page.textContent('body');

/** Opens an action panel (a `<details>` titled `title`) of the page. */
async function openPanel({ page }: Desk, title: string) {
  await page.locator('summary', { hasText: title }).first().click();
}

/** The value of the option of `select` whose text contains `text`. */
async function optionValue({ page }: Desk, select: string, text: string) {
  const value = await page.locator(`${select} option`, { hasText: text }).first().getAttribute('value');
  if (!value) throw new Error(`no option "${text}" in ${select}`);
  return value;
}

/**
 * The ratings of mediation cases the statistics count for this year (the district's year), in the
 * "by service" table the bureau administrator sees.
 */
/** Mediation's name as its manifest gives it (the statistics name services so). */
const mediationName = (() => {
  const mediation = pluginRegistry.plugins.find((plugin) => plugin.id === 'mediation');
  if (!mediation) throw new Error('the mediation plugin is not installed');
  return mediation.name;
})();

async function mediationRatings(admin: Desk, locale: Locale): Promise<number> {
  const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
    new Date(),
  );
  await admin.page.goto(`${live.url}/t/xuhui/statistics?period=${year}`);
  const row = admin.page
    .getByRole('table', { name: admin.t('statistics.by_service') })
    .getByRole('row', { name: mediationName[locale] });
  if ((await row.count()) === 0) return 0;
  // Columns after the row header: received, resolved, on time, days, closed, ended, rated, …
  return Number((await row.locator('td').nth(6).textContent())?.replace(/[^0-9]/g, ''));
}

async function journey(locale: Locale) {
  const tag = locale === 'en' ? 'en' : 'zh';
  const stationZh = locale === 'en' ? '斜土路街道公共法律服务工作站' : '枫林路街道公共法律服务工作站';
  const stationEn = locale === 'en' ? 'Xietu Road station' : 'Fenglin Road station';
  // The X service's id is made from its Chinese name: each journey names its own.
  const xTitleZh = locale === 'en' ? '租赁纠纷咨询门诊' : '租赁纠纷门诊';

  // 1. The bureau administrator adds a street station under the centre and defines an X service there.
  const admin = await signIn('admin', locale);
  const { t } = admin;
  await admin.page.goto(`${live.url}/t/xuhui/organisations`);
  // The centre heads the tree.
  await admin.page.locator('.admin-tree a').first().click();
  await expect.poll(() => admin.page.url()).toContain('unit=');
  await openPanel(admin, t('organisations.add_heading'));
  await admin.page.locator('#new-kind').selectOption('station');
  await admin.page.locator('#new-nameZh').fill(stationZh);
  await admin.page.locator('#new-nameEn').fill(stationEn);
  await admin.page.getByRole('button', { name: t('organisations.add_submit') }).click();
  await expect
    .poll(() => bodyText(admin))
    .toContain(t('organisations.done_created', { name: locale === 'en' ? stationEn : stationZh }));
  await shoot(admin, `${tag}-organisations-station-added`);

  await admin.page.goto(`${live.url}/t/xuhui/catalogue`);
  const stationId = await optionValue(admin, '#catalogue-org', locale === 'en' ? stationEn : stationZh);
  await admin.page.locator('#catalogue-org').selectOption(stationId);
  await admin.page.getByRole('button', { name: t('catalogue.show') }).click();
  await expect.poll(() => admin.page.url()).toContain(stationId);
  await admin.page.getByRole('link', { name: t('catalogue.define_x') }).click();
  await admin.page.locator('#x-titleZh').fill(xTitleZh);
  await admin.page.locator('#x-titleEn').fill('Rent clinic');
  await admin.page.locator('#x-descriptionZh').fill('房屋租赁押金、维修纠纷的咨询与调处');
  await admin.page.locator('#x-descriptionEn').fill('Advice on deposits and repairs in rented homes');
  await admin.page.locator('#x-deadlineWorkingDays').fill('7');
  await admin.page.locator('#x-fields-0-labelZh').fill('房东姓名');
  await admin.page.locator('#x-fields-0-labelEn').fill('Landlord');
  // A second field by the "add a field" button: the draft comes back with one more row.
  await admin.page.getByRole('button', { name: t('xService.add_field') }).click();
  await expect.poll(() => admin.page.locator('#x-fields-1-labelZh').count()).toBe(1);
  await expect.poll(() => admin.page.locator('#x-fields-0-labelZh').inputValue()).toBe('房东姓名');
  await admin.page.locator('#x-fields-1-labelZh').fill('问题');
  await admin.page.locator('#x-fields-1-labelEn').fill('Issue');
  await admin.page.locator('#x-fields-1-type').selectOption('multiselect');
  await shoot(admin, `${tag}-x-service-builder`);
  // Forgetting the options of a choice is named at the field, in the person's language.
  await admin.page.getByRole('button', { name: t('xService.create_submit') }).click();
  await expect.poll(() => bodyText(admin)).toContain(t('form.options_required'));
  await admin.page.locator('#x-fields-1-options').fill('押金 / Deposit\n维修 / Repairs');
  await admin.page.getByRole('button', { name: t('xService.create_submit') }).click();
  await expect.poll(() => admin.page.url()).toContain('done=defined');
  await expect.poll(() => bodyText(admin)).toContain(locale === 'en' ? 'Rent clinic' : xTitleZh);
  // The station switches one of the district's X plugins on for itself.
  await admin.page
    .getByRole('button', {
      name: t('catalogue.switch_on_named', {
        service: locale === 'en' ? 'Psychological counselling' : '心理疏导',
      }),
    })
    .click();
  await expect.poll(() => admin.page.url()).toContain('done=enabled');
  await shoot(admin, `${tag}-catalogue-station`);

  // 2. A desk officer at the centre takes in a walk-in for the Xujiahui station's mediators.
  const desk = await signIn('desk', locale);
  await desk.page.goto(`${live.url}/t/xuhui/cases/new`);
  // Typing a phone number, choosing the unit and the service each reload the form (a post: what was
  // typed never enters the URL): the earlier matters of that phone, the unit's services, the form.
  await desk.page.getByLabel(t('intake.name'), { exact: true }).fill(locale === 'en' ? '钱先生' : '孙阿姨');
  await desk.page
    .getByLabel(t('intake.phone'), { exact: true })
    .fill(locale === 'en' ? '13912340002' : '13912340001');
  const xujiahui =
    locale === 'en' ? 'Xujiahui Subdistrict Public Legal Service Station' : '徐家汇街道公共法律服务工作站';
  const unitServices = desk.page.waitForResponse(
    (response) => response.request().method() === 'POST' && response.url().includes('/t/xuhui/cases/new'),
  );
  // The unit is found by typing part of its name; choosing it brings its services.
  await choose(desk.page.locator('#organisationId'), locale === 'en' ? 'Xujiahui' : '徐家汇', {
    option: xujiahui,
  });
  await unitServices;
  await expect.poll(() => desk.page.locator('#organisationId').inputValue()).toBe(xujiahui);
  const unitId = await desk.page.locator('input[type="hidden"][name="organisationId"]').inputValue();
  expect(unitId).toMatch(/^[0-9a-f-]{36}$/);
  expect(desk.page.url()).not.toContain(unitId);
  // Not yet sorted at the desk: the matter is taken in as "undecided" and triaged on its page.
  await desk.page.getByLabel(t('intake.service')).selectOption('undecided');
  await desk.page
    .getByLabel(t('intake.description'))
    .fill('楼上邻居装修噪音持续到深夜，双方多次协商无果，想请人调解');
  await desk.page.getByRole('button', { name: t('intake.submit'), exact: true }).click();
  await expect.poll(() => desk.page.url()).toMatch(/created=[0-9a-f-]{36}/);
  const caseId = /created=([0-9a-f-]{36})/.exec(desk.page.url())?.[1] ?? '';
  await shoot(desk, `${tag}-intake-created`);
  const casePath = `/t/xuhui/cases/${caseId}`;
  await desk.page.goto(`${live.url}${casePath}`);
  await openPanel(desk, t('casePage.triage'));
  await desk.page.locator('#triage-serviceType').selectOption('mediation');
  await desk.page.locator('#triage-category').selectOption('neighbours');
  await desk.page.getByRole('button', { name: t('casePage.triage_submit') }).click();
  await expect.poll(() => desk.page.url()).toContain('done=triage');
  await openPanel(desk, t('casePage.assign'));
  // Who can be assigned comes from the case's unit: the station's mediator is among them.
  await choose(desk.page.locator('#assign-assigneeId'), '孙');
  await desk.page
    .locator('details[open]')
    .getByRole('button', { name: t('casePage.assign_submit') })
    .click();
  await expect.poll(() => desk.page.url()).toContain('done=assign');
  await expect.poll(() => bodyText(desk)).not.toContain(t('casePage.unassigned'));

  // 3. The mediator works the case and refers it to the court for judicial confirmation.
  const mediator = await signIn('mediator', locale);
  await mediator.page.goto(`${live.url}${casePath}`);
  await openPanel(mediator, t('casePage.set_status'));
  await mediator.page.locator('#status-status').selectOption('in-progress');
  await mediator.page.getByRole('button', { name: t('casePage.set_status_submit'), exact: true }).click();
  await expect.poll(() => mediator.page.url()).toContain('done=status');
  await mediator.page.goto(`${live.url}${casePath}/referrals`);
  await openPanel(mediator, t('casePage.consent'));
  const court = locale === 'en' ? 'Court' : '法院';
  await choose(mediator.page.locator('#consent-partnerOrganisationId'), court);
  await mediator.page.getByRole('button', { name: t('casePage.consent_submit') }).click();
  await expect.poll(() => mediator.page.url()).toContain('done=consent');
  await openPanel(mediator, t('casePage.refer'));
  await choose(mediator.page.locator('#refer-toOrganisationId'), court);
  await mediator.page.locator('#refer-kind').selectOption('judicial-confirmation');
  await mediator.page.locator('#refer-summary').fill('双方已达成调解协议，申请司法确认');
  await mediator.page.getByRole('button', { name: t('casePage.refer_submit'), exact: true }).click();
  await expect.poll(() => mediator.page.url()).toContain('done=refer');
  await shoot(mediator, `${tag}-case-referred`);

  // 4. The court's partner user accepts, starts and completes it in the partner inbox.
  const courtUser = await signIn('court', locale);
  const inbox = `${live.url}/t/xuhui/referrals`;
  await courtUser.page.goto(inbox);
  await shoot(courtUser, `${tag}-partner-inbox`);
  await courtUser.page
    .getByRole('button', { name: t('referrals.accept'), exact: true })
    .first()
    .click();
  await expect
    .poll(async () => {
      await courtUser.page.goto(inbox);
      return courtUser.page.getByRole('button', { name: t('referrals.start'), exact: true }).count();
    })
    .toBeGreaterThan(0);
  await courtUser.page
    .getByRole('button', { name: t('referrals.start'), exact: true })
    .first()
    .click();
  await expect
    .poll(async () => {
      await courtUser.page.goto(inbox);
      return courtUser.page.locator('summary', { hasText: t('referrals.complete') }).count();
    })
    .toBeGreaterThan(0);
  await openPanel(courtUser, t('referrals.complete'));
  // The court's answer is its ruling, chosen (确认有效 / 不予确认), and the ruling's number.
  await courtUser.page
    .getByLabel(t('referrals.ruling_outcome'), { exact: true })
    .first()
    .selectOption({ label: t('referralOutcome.confirmed') });
  await courtUser.page
    .getByLabel(t('referrals.ruling_number'), { exact: true })
    .first()
    .fill('（2026）沪0104民特123号');
  await courtUser.page
    .getByLabel(t('referrals.ruling_note'), { exact: true })
    .first()
    .fill('调解协议经司法确认有效');
  await courtUser.page.locator('details[open] button[type=submit]').first().click();
  await expect
    .poll(async () => {
      await mediator.page.goto(`${live.url}${casePath}/referrals`);
      return bodyText(mediator);
    })
    .toContain('调解协议经司法确认有效');
  await mediator.page.goto(`${live.url}${casePath}`);

  // 5. The mediator records the result; the first responder tells the resident and records the rating.
  await openPanel(mediator, t('casePage.set_status'));
  await mediator.page.locator('#status-status').selectOption('resolved');
  await mediator.page.getByRole('button', { name: t('casePage.set_status_submit'), exact: true }).click();
  await expect.poll(() => mediator.page.url()).toContain('done=status');
  await desk.page.goto(`${live.url}${casePath}/feedback`);
  await openPanel(desk, t('casePage.feedback'));
  await desk.page.locator('#feedback-summary').fill('已电话告知：调解协议经法院司法确认有效');
  await desk.page.getByRole('button', { name: t('casePage.feedback_submit') }).click();
  await expect.poll(() => desk.page.url()).toContain('done=feedback');
  const ratingsBefore = await mediationRatings(admin, locale);
  await openPanel(desk, t('casePage.satisfaction'));
  await desk.page.locator('#satisfaction-score').selectOption('5');
  await desk.page.getByRole('button', { name: t('casePage.satisfaction_submit') }).click();
  await expect.poll(() => desk.page.url()).toContain('done=satisfaction');
  await shoot(desk, `${tag}-case-rated`);
  // The resident's rating shows in the statistics at once: the roll-ups change with the case.
  expect(await mediationRatings(admin, locale)).toBe(ratingsBefore + 1);
  await shoot(admin, `${tag}-statistics-rated`);

  // A refusal from the server reads as a message in the person's language, never a stack trace.
  await desk.page.goto(`${live.url}/t/xuhui/cases/00000000-0000-4000-8000-000000000000`);
  await expect.poll(() => bodyText(desk)).toContain(t('case.not_found'));
  expect(await bodyText(desk)).not.toMatch(/at \w+ \(|TRPCError|node_modules/);
  await shoot(desk, `${tag}-error-not-found`);

  return { admin, desk, mediator, courtUser, caseId, stationId };
}

describe('the district admin app, end to end', () => {
  let run: Awaited<ReturnType<typeof journey>>;

  it('runs the main journey in Chinese', async () => {
    run = await journey('zh-CN');
  });

  it('saves every screen at desktop width and at 360 px', async () => {
    const { admin, desk, mediator, caseId, stationId } = run;
    const pages: [Desk, string, string][] = [
      [admin, '/t/xuhui', 'today-admin'],
      [desk, '/t/xuhui', 'today-desk'],
      [mediator, '/t/xuhui', 'today-mediator'],
      [desk, '/t/xuhui/cases/new', 'intake'],
      [desk, '/t/xuhui/cases', 'cases'],
      [desk, '/t/xuhui/cases?service=mediation&sort=due', 'cases-mediation-by-due'],
      [desk, `/t/xuhui/cases/${caseId}`, 'case'],
      [admin, '/t/xuhui/referrals', 'referrals'],
      [admin, '/t/xuhui/organisations', 'organisations'],
      [admin, `/t/xuhui/organisations?unit=${stationId}`, 'organisation-unit'],
      [admin, '/t/xuhui/staff', 'staff'],
      [admin, '/t/xuhui/advisers', 'advisers'],
      [admin, '/t/xuhui/audit', 'audit'],
      [admin, '/t/xuhui/catalogue', 'catalogue'],
      [admin, `/t/xuhui/catalogue/x-services/new?org=${stationId}`, 'x-service-new'],
      [admin, '/t/xuhui/settings', 'settings'],
      [admin, '/t/xuhui/settings/holidays', 'holidays'],
      [admin, '/t/xuhui/settings/time-limits', 'time-limits'],
      [admin, '/t/xuhui/rosters', 'rosters-empty'],
      [admin, '/t/xuhui/change-password', 'change-password'],
    ];
    for (const [desk, path, name] of pages) await visit(desk, path, `zh-${name}`);
    // Screens other helpers add (notifications, sweeps, statistics, plugin pages) when they exist.
    for (const [path, name] of [
      ['/t/xuhui/notifications', 'notifications'],
      ['/t/xuhui/sweeps', 'sweeps'],
      ['/t/xuhui/statistics', 'statistics'],
    ] as const) {
      const response = await admin.page.goto(`${live.url}${path}`);
      if (response && response.status() < 400) await shoot(admin, `zh-${name}`);
    }
    // Signed out: the sign-in pages of the district and of the platform console.
    const anonymous = await live.browser.newContext({ viewport: { width: 1366, height: 900 } });
    const outside: Desk = { page: await anonymous.newPage(), context: anonymous, t: (key) => key };
    await visit(outside, '/t/xuhui/login', 'zh-login');
    await visit(outside, '/platform/login', 'zh-platform-login');
    await visit(outside, '/', 'zh-landing');
    await anonymous.close();
  });

  it('changes the calendar and a time limit from the settings', async () => {
    const { admin } = run;
    const { t } = admin;
    await admin.page.goto(`${live.url}/t/xuhui/settings/holidays?year=2026`);
    await openPanel(admin, t('holidays.set_heading'));
    await admin.page.locator('#set-day').fill('2026-12-24');
    await admin.page.locator('#set-name').fill('区级调休假日');
    await admin.page.getByRole('button', { name: t('holidays.set_submit') }).click();
    await expect.poll(() => admin.page.url()).toContain('done=set');
    await expect.poll(() => bodyText(admin)).toContain('区级调休假日');
    await admin.page.getByRole('button', { name: t('holidays.remove', { day: '2026年12月24日' }) }).click();
    // Removing a day of the calendar is asked first; nothing changed until it is confirmed.
    await expect
      .poll(() => bodyText(admin))
      .toContain(t('holidays.remove_confirm', { day: '2026-12-24', name: '区级调休假日' }));
    expect(admin.page.url()).not.toContain('done=removed');
    await admin.page.getByRole('button', { name: t('ui.confirm'), exact: true }).click();
    await expect.poll(() => admin.page.url()).toContain('done=removed');

    await admin.page.goto(`${live.url}/t/xuhui/settings/time-limits`);
    await admin.page.locator('#limit-target').selectOption('mediation|family');
    await admin.page.locator('#limit-workingDays').fill('400');
    await admin.page.getByRole('button', { name: t('timeLimits.set_submit') }).click();
    await expect.poll(() => bodyText(admin)).toContain(t('timeLimits.working_days_invalid'));
    await admin.page.locator('#limit-workingDays').fill('12');
    await admin.page.getByRole('button', { name: t('timeLimits.set_submit') }).click();
    await expect.poll(() => admin.page.url()).toContain('done=limit');
    await shoot(admin, 'zh-time-limits-saved');

    // A person's details are corrected from the staff page (staff.update).
    await admin.page.goto(`${live.url}/t/xuhui/staff`);
    await admin.page.getByRole('link', { name: '志愿者 何晓' }).first().click();
    await openPanel(admin, t('staff.update_heading'));
    await admin.page.locator('#update-displayName').fill('志愿者 何晓明');
    await admin.page.getByRole('button', { name: t('staff.update_submit') }).click();
    await expect.poll(() => admin.page.url()).toContain('done=updated');
    await expect.poll(() => bodyText(admin)).toContain('志愿者 何晓明');
    await shoot(admin, 'zh-staff-person');

    // A role is granted at a unit found by typing part of its name among the district's units.
    await openPanel(admin, t('staff.grant_heading'));
    await admin.page.locator('#grant-role').selectOption('volunteer');
    await choose(admin.page.locator('#grant-organisationId'), '乐山', {
      option: /^乐山居民区法律服务工作室/,
    });
    await admin.page
      .locator('details[open]')
      .getByRole('button', { name: t('staff.grant_submit') })
      .click();
    await expect.poll(() => admin.page.url()).toContain('done=granted');
    await expect
      .poll(() => bodyText(admin))
      .toContain(t('home.role_at', { role: '志愿者', organisation: '乐山居民区法律服务工作室' }));
  });

  it('publishes a room’s duty rota, its themed day and an announcement, and prints the rota', async () => {
    const { admin, desk } = run;
    const { t } = admin;
    await admin.page.goto(`${live.url}/t/xuhui/rosters`);
    const room = await optionValue(admin, '#rosters-org', '乐山居民区');
    await admin.page.locator('#rosters-org').selectOption(room);
    await admin.page.getByRole('button', { name: t('rosters.show') }).click();
    await expect.poll(() => admin.page.url()).toContain(room);
    await openPanel(admin, t('rosters.add_heading'));
    await admin.page.locator('#slot-weekday').selectOption('3');
    await admin.page.locator('#slot-startsAt').fill('14:00');
    await admin.page.locator('#slot-endsAt').fill('13:00');
    await admin.page.locator('#slot-personName').fill('志愿律师 周明');
    await admin.page.getByRole('button', { name: t('rosters.add_submit') }).click();
    await expect.poll(() => bodyText(admin)).toContain(t('roster.hours_invalid'));
    await admin.page.locator('#slot-endsAt').fill('17:00');
    await admin.page.getByRole('button', { name: t('rosters.add_submit') }).click();
    await expect.poll(() => admin.page.url()).toContain('done=added');
    await openPanel(admin, t('rosters.themed_set_heading'));
    await admin.page.locator('#themed-day').fill('2027-03-15');
    await admin.page.locator('#themed-theme').fill('消费者权益保护法律咨询日');
    await admin.page.getByRole('button', { name: t('rosters.themed_submit') }).click();
    await expect.poll(() => admin.page.url()).toContain('done=themed');
    await openPanel(admin, t('announcements.new_heading'));
    await admin.page.locator('#a-title').fill('乐山居民区周三下午律师值班');
    await admin.page
      .locator('#a-body')
      .fill('每周三 14:00–17:00 志愿律师在居民区法律服务工作室值班，欢迎咨询。');
    await admin.page.getByRole('button', { name: t('announcements.submit') }).click();
    await expect.poll(() => admin.page.url()).toContain('done=announced');
    // The draft is the manager's until published; then the desk officer reads it too.
    await desk.page.goto(`${live.url}/t/xuhui/rosters?org=${room}`);
    expect(await bodyText(desk)).not.toContain('乐山居民区周三下午律师值班');
    await admin.page
      .getByRole('button', {
        name: t('announcements.publish_named', { title: '乐山居民区周三下午律师值班' }),
      })
      .click();
    await expect.poll(() => admin.page.url()).toContain('done=published');
    await desk.page.goto(`${live.url}/t/xuhui/rosters?org=${room}`);
    await expect.poll(() => bodyText(desk)).toContain('乐山居民区周三下午律师值班');
    await shoot(admin, 'zh-rosters');
    await admin.page.getByRole('link', { name: t('rosters.print') }).click();
    await expect.poll(() => bodyText(admin)).toContain('志愿律师 周明');
    await shoot(admin, 'zh-rota-print');
    // The same rota as a PDF download, rendered with the embedded CJK font.
    const pdfHref = await admin.page
      .getByRole('link', { name: t('rosters.download_pdf') })
      .getAttribute('href');
    const pdf = await admin.context.request.get(`${live.url}${pdfHref}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    // On paper only the notice remains: no header, no navigation.
    await admin.page.emulateMedia({ media: 'print' });
    expect(await admin.page.locator('nav').first().isVisible()).toBe(false);
    await admin.page.screenshot({ path: join(screens, 'zh-rota-printed.png'), fullPage: true });
    await admin.page.emulateMedia({ media: 'screen' });
    for (const one of [run.admin, run.desk, run.mediator, run.courtUser]) await one.context.close();
  });

  it('runs the main journey once in English', async () => {
    const en = await journey('en');
    await visit(en.admin, '/t/xuhui/catalogue', 'en-catalogue');
    await visit(en.admin, '/t/xuhui/settings', 'en-settings');
    await visit(en.admin, '/t/xuhui/settings/holidays', 'en-holidays');
    await visit(en.admin, '/t/xuhui/settings/time-limits', 'en-time-limits');
    await visit(en.desk, `/t/xuhui/cases/${en.caseId}`, 'en-case');
    expect(await en.admin.page.getAttribute('html', 'lang')).toBe('en');
    for (const desk of [en.admin, en.desk, en.mediator, en.courtUser]) await desk.context.close();
  });
});
