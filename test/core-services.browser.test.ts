import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  choose,
  screens,
  searchCases,
  signInAsDemo,
  signInAsDemoManager,
  useDemoStack,
} from './demo-stack.ts';

/**
 * A desk officer's daily work at the centre on the core services in Chromium against the real stack and the
 * demo district: a notarial matter's documents and appointment, the notary office's slots, a
 * legal-aid application from check to subsidy, a consultation log, appraisal advice, the month's
 * publicity events, the hardship threshold, and an X service's intake with a file, in Chinese;
 * then the legal-aid page once in English. Without scripts: assigning the negative-listed lawyer
 * 刘洋 to a legal-aid application (refused until a reason is given), and an appraisal referral from
 * the resident's consent to the institution's answer in its partner inbox, shown on the case.
 */
const live = useDemoStack('core-services');

const body = (page: Page) => page.textContent('body');
/** Opens one of the page's folded forms and waits until it is open (a navigation may re-render it). */
async function open(page: Page, summary: string) {
  await page.locator('summary', { hasText: summary }).click();
  await expect.poll(() => page.locator('details[open] > summary', { hasText: summary }).count()).toBe(1);
}
const shoot = (page: Page, name: string) =>
  page.screenshot({ path: join(screens, `${name}.png`), fullPage: true });

/** Opens the demo case of the resident with this phone number, then its service page. */
async function caseServicePage(page: Page, phone: string, link: string) {
  await searchCases(page, live.url, phone);
  await page
    .getByRole('link', { name: /XH-\d{4}-\d{6}/ })
    .first()
    .click();
  await page.getByRole('link', { name: link }).click();
}

describe('the core services in the admin app', () => {
  it('lets staff do each service’s daily work without leaving the case', async () => {
    const page = await live.browser.newPage();
    await signInAsDemo(page, live.url, 'desk');

    // Notary: the inheritance of 吴佩琴 — two documents in, two still missing, booked for a home visit.
    await caseServicePage(page, '13917708823', '公证材料清单与预约');
    await expect.poll(() => page.url()).toMatch(/\/notary$/);
    await expect.poll(() => body(page)).toContain('尚缺 2 项必需材料');
    await page.getByLabel('被继承人与全体继承人的亲属关系证明').check();
    await page.getByRole('button', { name: '保存材料收取情况' }).click();
    await expect.poll(() => body(page)).toContain('尚缺 1 项必需材料');
    expect(await page.getByRole('list', { name: '尚缺的材料' }).textContent()).toContain(
      '所涉财产的权属证明',
    );
    await open(page, '取消预约');
    await page.getByLabel('取消原因').fill('家属改约下周');
    await page.getByRole('button', { name: '确认取消' }).click();
    await expect.poll(() => body(page)).toContain('已于');
    await open(page, '预约办理');
    await page.getByRole('button', { name: '确认预约' }).click();
    // No slot chosen: the error stands next to the slots, in Chinese.
    await expect.poll(() => body(page)).toContain('请选择一个空闲时段。');
    await page.getByRole('radio').nth(1).check();
    await page.getByLabel('加急办理').check();
    await page.getByRole('button', { name: '确认预约' }).click();
    await expect.poll(() => body(page)).toMatch(/加急办理 · 老弱病残绿色通道：老年人 · 有效/);
    await shoot(page, 'core-notary');

    // The notary office's appointment book, from the navigation.
    await page.getByRole('link', { name: '公证预约' }).click();
    await expect.poll(() => page.url()).toMatch(/\/notary\/slots/);
    await expect.poll(() => page.getByRole('row').count()).toBeGreaterThan(5);
    await open(page, '新增预约时段');
    const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('开始时间').fill(`${day}T16:00`);
    await page.getByLabel('结束时间').fill(`${day}T15:00`);
    await page.getByRole('button', { name: '新增时段' }).click();
    await expect.poll(() => body(page)).toContain('时段的结束时间须晚于开始时间。');
    // The refused form stays open with what was typed; only the end needs changing.
    expect(await page.getByLabel('开始时间').inputValue()).toBe(`${day}T16:00`);
    await page.getByLabel('结束时间').fill(`${day}T17:00`);
    await page.getByRole('button', { name: '新增时段' }).click();
    await expect.poll(() => body(page)).toContain('预约时段已新增。');
    await shoot(page, 'core-notary-slots');

    // Legal aid: 何秀兰's support-payment claim, under the district threshold; granted, closed, subsidised.
    await caseServicePage(page, '13621880937', '法律援助申请审查、决定与结案');
    await expect.poll(() => body(page)).toContain('符合法律援助条件');
    expect(await body(page)).toContain('家庭人均月收入 ¥1850.00，本区标准 ¥2690.00');
    expect(await body(page)).toMatch(/应于 .+ 前作出决定/);
    await open(page, '作出决定');
    await page.getByRole('button', { name: '提交决定' }).click();
    await expect.poll(() => page.url()).toContain('done=decide');
    await expect.poll(() => body(page)).toContain('已决定给予法律援助');
    await open(page, '指派承办人');
    await page
      .getByLabel('承办律师或法律援助工作人员')
      .selectOption({ label: '法律援助专员 周敏 · 法律援助工作人员' });
    await page.getByRole('button', { name: '指派', exact: true }).click();
    await expect.poll(() => page.url()).toContain('done=assign');
    await expect.poll(() => body(page)).toContain('承办人：法律援助专员 周敏。');
    await open(page, '提交结案报告');
    await page.getByLabel('承办律师', { exact: true }).fill('孙律师');
    await page.getByLabel('办理结果').selectOption('mediated');
    await page.getByLabel('结案小结').fill('经诉前调解，两子同意每月各支付赡养费八百元。');
    await page.getByRole('button', { name: '提交结案报告' }).click();
    await expect.poll(() => page.url()).toContain('done=closure');
    await expect.poll(() => body(page)).toContain('调解结案');
    await open(page, '登记办案补贴');
    await page.getByLabel('领取人（律师或律所）').fill('上海某律师事务所');
    await page.getByLabel('金额（元）').fill('八百');
    await page.getByLabel('依据').fill('民事案件办案补贴标准');
    await page.getByRole('button', { name: '登记补贴' }).click();
    await expect.poll(() => page.getByLabel('金额（元）').getAttribute('aria-invalid')).toBe('true');
    expect(await body(page)).toContain('请填写以元为单位、最多两位小数的金额。');
    await page.getByLabel('金额（元）').fill('800');
    await page.getByRole('button', { name: '登记补贴' }).click();
    await expect.poll(() => body(page)).toContain('¥800.00');
    await shoot(page, 'core-legal-aid');

    // The district's hardship threshold (setting it is the bureau's; the director reads it).
    await page.goto(`${live.url}/t/xuhui/settings/legal-aid`);
    await expect.poll(() => body(page)).toContain('现行标准：每人每月 ¥2690.00');

    // Consultation: 郑晓燕's deposit question, answered on the hotline and online; a third answer.
    await caseServicePage(page, '13816653390', '咨询记录与时长统计');
    await expect.poll(() => body(page)).toContain('本单位本月咨询时长');
    expect(await page.getByRole('row', { name: /12348热线/ }).textContent()).toContain('18 分钟');
    expect(await body(page)).toContain('钱律师（上海某律师事务所）');
    await open(page, '记录一次解答');
    await page.getByLabel('咨询主题').fill('押金退还');
    await page.getByLabel('解答律师').fill('钱律师');
    await page.getByLabel('咨询时间').fill('2026-01-05T10:00');
    await page.getByLabel('时长（分钟）').fill('12');
    await page.getByLabel('解答内容').fill('房东已同意退还押金，建议书面确认退款时间。');
    await page.getByLabel('后续事项').selectOption('call-back');
    await page.getByRole('button', { name: '保存记录' }).click();
    await expect.poll(() => body(page)).toContain('请说明后续事项。');
    await page.getByLabel('后续说明').fill('一周后回访退款情况');
    await page.getByRole('button', { name: '保存记录' }).click();
    await expect.poll(() => body(page)).toContain('一周后回访退款情况');
    await shoot(page, 'core-consultation');

    // Appraisal: advice to 冯立新 on a disability grade.
    await caseServicePage(page, '13585512076', '鉴定咨询与委托鉴定机构');
    await expect.poll(() => body(page)).toContain('伤残等级鉴定');
    await open(page, '记录答复');
    await page.getByLabel('答复内容').fill('治疗终结后可委托鉴定机构评定伤残等级，费用约两千元。');
    await page.getByRole('button', { name: '保存答复' }).click();
    await expect.poll(() => body(page)).toContain('费用约两千元');
    expect(await page.getByLabel('转介鉴定机构').textContent()).toContain('上海某司法鉴定所');
    await shoot(page, 'core-appraisal');

    // Legal education: the month's events and report, from the navigation; a new event.
    await page.getByRole('link', { name: '法治宣传' }).click();
    await expect.poll(() => body(page)).toContain('民法典婚姻家庭编讲座');
    expect(await body(page)).toContain('共 3 场活动，参与 270 人次，发放资料 1000 份。');
    await open(page, '登记活动');
    await page.getByLabel('活动名称').fill('宪法进市场');
    await page.getByLabel('活动形式').selectOption('into-markets');
    await page.getByLabel('宣传主题').selectOption('constitution');
    await page.getByLabel('地点').fill('徐家汇菜市场');
    await page.getByLabel('对象').fill('摊主和顾客');
    await page.getByLabel('参与人数').fill('许多');
    await page.getByRole('button', { name: '保存活动' }).click();
    await expect.poll(() => page.getByLabel('参与人数').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('参与人数').fill('45');
    await page.getByLabel('发放资料（份）').fill('150');
    await page.getByRole('button', { name: '保存活动' }).click();
    await expect.poll(() => body(page)).toContain('活动已登记。');
    expect(await body(page)).toContain('宪法进市场');
    // Attendance counted afterwards: the event is corrected in place.
    await page.getByRole('link', { name: '修改活动：宪法进市场' }).click();
    await expect.poll(() => page.locator('#edit-attendance').inputValue()).toBe('45');
    await page.locator('#edit-attendance').fill('52');
    await page.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => body(page)).toContain('活动已修改。');
    expect(await page.getByRole('row', { name: /宪法进市场/ }).textContent()).toContain('52');
    await shoot(page, 'core-legal-education');

    // A street-defined X service's intake takes its file: the release certificate, as a PNG.
    await page.goto(`${live.url}/t/xuhui/cases/new`);
    await page.getByLabel('姓名', { exact: true }).fill('钱志强');
    await page.getByLabel('电话', { exact: true }).fill('13911220034');
    await choose(page.getByRole('combobox', { name: '受理机构' }), '徐家汇街道', {
      option: '徐家汇街道公共法律服务工作站',
    });
    await expect.poll(() => page.locator('option[value="x-resettlement"]').count()).toBe(1);
    await page.getByLabel('服务类型').selectOption('x-resettlement');
    await expect.poll(() => page.getByLabel('释放证明').count()).toBe(1);
    await page.getByLabel('帮扶需求').fill('求职和临时住房');
    await page.getByLabel('案件描述').fill('刑满释放两个月，求职困难，暂住亲戚家。');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    await page
      .getByLabel('释放证明')
      .setInputFiles({ name: '释放证明.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => body(page)).toMatch(/XH-\d{4}-\d{6}/);
    await searchCases(page, live.url, '13911220034');
    await page
      .getByRole('link', { name: /XH-\d{4}-\d{6}/ })
      .first()
      .click();
    await expect.poll(() => body(page)).toContain('释放证明.png');
    await shoot(page, 'core-x-service-file');

    // A legal-aid application with its hardship declaration, which the intake asks for when it is due.
    await page.goto(`${live.url}/t/xuhui/cases/new`);
    await page.getByLabel('姓名', { exact: true }).fill('罗桂芳');
    await page.getByLabel('电话', { exact: true }).fill('13671190452');
    await page.getByLabel('服务类型').selectOption('legal-aid');
    await expect.poll(() => page.getByLabel('申请事项').count()).toBe(1);
    await page.getByLabel('申请人姓名').fill('罗桂芳');
    await page.getByLabel('申请事项').selectOption('social-assistance');
    await page.getByLabel('案情简介').fill('申请最低生活保障被街道拒绝，认为不符合事实，请求法律援助。');
    await page.getByLabel('案件描述').fill('低保申请被拒，申请法律援助。');
    await page.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => page.getByLabel('家庭人口数').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('家庭人口数').fill('2');
    await page.getByLabel('家庭月收入（元）').fill('3000');
    await page.getByLabel('主要收入来源').fill('零工收入');
    await page.getByLabel('申请人承诺所填经济状况真实，如有虚假愿承担法律责任').check();
    await page.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => body(page)).toMatch(/XH-\d{4}-\d{6}/);
    await caseServicePage(page, '13671190452', '法律援助申请审查、决定与结案');
    await expect.poll(() => body(page)).toContain('家庭人均月收入 ¥1500.00，本区标准 ¥2690.00');

    // Once in English: the legal-aid page speaks the reader's language.
    await page.context().addCookies([{ name: 'linju_locale', value: 'en', url: live.url }]);
    await caseServicePage(page, '13621880937', 'Legal-aid check, decision and closure');
    await expect.poll(() => body(page)).toContain('Scope and economic-hardship check');
    expect(await body(page)).toContain('Legal aid granted');
    expect(await body(page)).toContain(
      'Monthly income per household member ¥1850.00; district threshold ¥2690.00',
    );
    await shoot(page, 'core-legal-aid-en');
    await page.close();
  });

  it('lets a station head add a file field to an X service of the station', async () => {
    const context = await live.browser.newContext();
    const page = await context.newPage();
    // A manager enrols an authenticator at the first sign-in.
    await signInAsDemoManager(page, live.url, 'station');

    await page.goto(`${live.url}/t/xuhui/catalogue/x-services/new`);
    await page.locator('#x-titleZh').fill('证件遗失补办指引');
    await page.locator('#x-descriptionZh').fill('身份证、户口簿遗失后的补办指引与证明');
    await page.locator('#x-deadlineWorkingDays').fill('3');
    await page.locator('#x-fields-0-labelZh').fill('遗失证明');
    await page.locator('#x-fields-0-type').selectOption({ label: '上传文件' });
    await shoot(page, 'core-x-service-file-field');
    await page.getByRole('button', { name: '保存并开启' }).click();
    await expect.poll(() => page.url()).toContain('done=defined');
    await expect.poll(() => body(page)).toContain('证件遗失补办指引');
    await context.close();
  });

  it('assigns a negative-listed lawyer to a legal-aid case only with a reason, without scripts', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAsDemo(page, live.url, 'desk');
    await caseServicePage(page, '13621880937', '法律援助申请审查、决定与结案');
    await open(page, '指派承办人');
    // The demo seed lists the centre's lawyer 刘洋: the mark stands beside his name, before choosing.
    const listed = page.locator('#assign-assigneeId option', { hasText: '刘洋' });
    expect(await listed.textContent()).toContain('负面清单');
    expect(await page.getByRole('list', { name: '有执业记录的候选人' }).textContent()).toContain(
      '律师 刘洋 · 负面清单',
    );
    const lawyerId = (await listed.getAttribute('value')) ?? '';
    await page.locator('#assign-assigneeId').selectOption(lawyerId);
    await page.locator('details[open]').getByRole('button', { name: '指派', exact: true }).click();
    // Refused, and the refusal asks for the reason; the choice stays made.
    await expect
      .poll(() => body(page))
      .toContain('律师 刘洋 在负面清单上（驻点值班期间向当事人收取额外咨询费）');
    expect(await page.locator('#assign-assigneeId').inputValue()).toBe(lawyerId);
    await shoot(page, 'core-legal-aid-negative-list-refused');
    expect(await body(page)).not.toContain('承办人：律师 刘洋。');
    await page.getByLabel('指派负面清单人员的理由').fill('申请人坚持委托该律师，已告知其负面清单情况');
    await page.locator('details[open]').getByRole('button', { name: '指派', exact: true }).click();
    await expect.poll(() => page.url()).toContain('done=assign');
    // The address changes as the answer starts: wait for the page it brings.
    await expect.poll(() => body(page)).toContain('承办人：律师 刘洋。');
    await shoot(page, 'core-legal-aid-negative-list');
    // The reason is on the case's timeline.
    await page.getByRole('link', { name: /返回/ }).first().click();
    await expect.poll(() => body(page)).toContain('申请人坚持委托该律师，已告知其负面清单情况');
    await context.close();
  }, 240_000);

  it('refers an appraisal case to the appraisal institution, which finds it in its inbox', async () => {
    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAsDemo(page, live.url, 'appraiser');
    // 冯立新's disability grade: referred to the institution, which needs the resident's consent.
    await searchCases(page, live.url, '13585512076');
    await page
      .getByRole('link', { name: /XH-\d{4}-\d{6}/ })
      .first()
      .click();
    await expect.poll(() => page.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    const casePath = new URL(page.url()).pathname;
    const advise = async () => {
      await page.goto(`${live.url}${casePath}/appraisal`);
      await open(page, '记录答复');
      await page
        .getByLabel('答复内容')
        .fill('已治疗终结，建议委托鉴定机构评定伤残等级，请带齐病历和影像资料。');
      const institution =
        (await page
          .locator('#advise-institutionId option', { hasText: '上海某司法鉴定所' })
          .getAttribute('value')) ?? '';
      await page.getByLabel('转介鉴定机构').selectOption(institution);
      await page.getByRole('button', { name: '保存答复' }).click();
    };
    // Without the consent the refusal stands at the institution chosen, and nothing is referred.
    await advise();
    await expect.poll(() => page.getByLabel('转介鉴定机构').getAttribute('aria-invalid')).toBe('true');
    expect(await body(page)).toContain('群众尚未同意向该合作单位提供信息，请先记录同意。');
    await page.goto(`${live.url}${casePath}/referrals`);
    await open(page, '记录群众同意');
    await choose(page.locator('#consent-partnerOrganisationId'), '上海某司法鉴定所', { script: false });
    await page.locator('details[open]').getByRole('button', { name: '记录同意' }).click();
    await expect.poll(() => page.url()).toContain('done=consent');
    await advise();
    await expect.poll(() => page.url()).toContain('done=advise');
    // The case keeps where the referral stands.
    // Polled: the address changes before the new page has been read in.
    await expect.poll(() => body(page)).toMatch(/已转介：上海某司法鉴定所。\s*(已发送|已接收)/);
    await shoot(page, 'core-appraisal-referred');

    // The institution's clerk finds it in the partner inbox and accepts it.
    const partnerContext = await live.browser.newContext({ javaScriptEnabled: false });
    const partner = await partnerContext.newPage();
    await signInAsDemo(partner, live.url, 'appraisal-institute');
    const inbox = `${live.url}/t/xuhui/referrals`;
    await partner.goto(inbox);
    await expect.poll(() => body(partner)).toContain('委托伤残等级鉴定');
    expect(await body(partner)).toContain('冯立新');
    await shoot(partner, 'core-appraisal-partner-inbox');
    await partner.getByRole('button', { name: '接受', exact: true }).first().click();
    await expect
      .poll(async () => {
        await page.goto(`${live.url}${casePath}/appraisal`);
        return body(page);
      })
      .toMatch(/已转介：上海某司法鉴定所。\s*已接受/);

    // It appraises and answers; the appraisal page shows the institution's answer on the case.
    const inboxButton = async (name: string) => {
      await partner.goto(inbox);
      return partner.getByRole('button', { name, exact: true }).count();
    };
    await expect.poll(() => inboxButton('开始办理')).toBeGreaterThan(0);
    await partner.getByRole('button', { name: '开始办理', exact: true }).first().click();
    await expect
      .poll(async () => {
        await partner.goto(inbox);
        return partner.locator('summary', { hasText: '办结' }).count();
      })
      .toBeGreaterThan(0);
    await open(partner, '办结');
    await partner.getByLabel('办理结果', { exact: true }).first().selectOption({ label: '已解决' });
    await partner.getByLabel('结果说明', { exact: true }).first().fill('经鉴定，构成十级伤残');
    await partner.locator('details[open] button[type=submit]').first().click();
    await expect
      .poll(async () => {
        await page.goto(`${live.url}${casePath}/appraisal`);
        return body(page);
      })
      .toMatch(/已转介：上海某司法鉴定所。\s*已完成 · 机构答复：经鉴定，构成十级伤残/);
    await shoot(page, 'core-appraisal-answered');
    await partnerContext.close();
    await context.close();
  }, 240_000);
});
