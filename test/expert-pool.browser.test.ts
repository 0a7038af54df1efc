import { describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { searchCases, signInAsDemo, signInAsDemoManager, useDemoStack } from './demo-stack.ts';

/**
 * 研判 in Chromium against the demo stack, at 1280 px: a desk officer puts a demo case to the
 * pool's lawyer from the case's 法律知识 tools, the lawyer answers on "my requests", the opinion
 * is on the case's timeline, and the centre's director reads the lawyer's load on the pool page.
 */
const live = useDemoStack('expert-pool');
const VIEWPORT = { width: 1280, height: 900 };
const OPINION = '夜间施工噪声属于相邻关系纠纷，可依民法典第二百九十四条主张停止侵害，建议先行人民调解。';

describe('the expert pool', () => {
  it('puts a case to an expert, who answers in the app; the timeline and the pool page show it', async () => {
    const desk = await live.browser.newPage({ viewport: VIEWPORT });
    await signInAsDemo(desk, live.url, 'desk');
    // The demo district's neighbour dispute (王秀英 against 赵建国).
    await searchCases(desk, live.url, '13916605012');
    await desk
      .getByRole('link', { name: /XH-\d{4}-\d{6}/ })
      .first()
      .click();
    await expect.poll(() => desk.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    const casePath = new URL(desk.url()).pathname;
    // From the case page's 法律知识 tools (the pool is switched on at the demo's centre).
    await desk.getByRole('region', { name: '法律知识' }).getByRole('link', { name: '专家研判' }).click();
    await expect.poll(() => desk.url()).toMatch(/\/expert-opinions$/);
    await desk.locator('summary', { hasText: '提请专家研判' }).click();
    await desk.getByLabel('刘洋（律师，上海市汇理律师事务所）').check();
    await desk.locator('#ask-field').selectOption('housing-land');
    await desk.getByLabel('研判问题').fill('楼上住户每晚装修至深夜，协商无果，能否要求停止施工并赔偿？');
    await desk.getByLabel('答复期限（工作日）').fill('5');
    await desk.getByRole('button', { name: '提请研判' }).click();
    await expect.poll(() => desk.textContent('body')).toContain('已提请专家研判。');
    await expectNoSeriousAxeViolations(desk, 'expert opinions of a case');

    const lawyer = await live.browser.newPage({ viewport: VIEWPORT });
    await signInAsDemo(lawyer, live.url, 'lawyer');
    await lawyer.goto(`${live.url}/t/xuhui/expert-pool/mine`);
    await expect.poll(() => lawyer.textContent('body')).toContain('楼上住户每晚装修至深夜');
    await lawyer.locator('summary', { hasText: '提交意见' }).click();
    const choice = lawyer.getByLabel('研判事项');
    const options = await choice.locator('option').allTextContents();
    const number = /XH-\d{4}-\d{6}/.exec((await desk.textContent('h1')) ?? '')?.[0] ?? '';
    await choice.selectOption({ label: options.find((o) => o.includes(number)) ?? '' });
    await lawyer.getByLabel('研判意见').fill(OPINION);
    await lawyer.getByRole('button', { name: '提交意见' }).click();
    await expect.poll(() => lawyer.textContent('body')).toContain('研判意见已提交');
    await expectNoSeriousAxeViolations(lawyer, 'my requests');

    await desk.goto(`${live.url}${casePath}`);
    const titles = await desk.locator('.admin-timeline__head strong').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['提请专家研判', '专家研判意见']));
    await expect.poll(() => desk.textContent('body')).toContain(`律师 刘洋：${OPINION}`);

    const director = await live.browser.newPage({ viewport: VIEWPORT });
    await signInAsDemoManager(director, live.url, 'director');
    await director.goto(`${live.url}/t/xuhui/expert-pool`);
    const row = director.getByRole('row', { name: /刘洋/ });
    // This answer, the same day; the demo's question on the parking fees still waits.
    await expect
      .poll(() => row.locator('td').allTextContents())
      .toEqual([
        '律师',
        '上海市汇理律师事务所',
        '物业纠纷、合同债务、房屋土地',
        '可接受提请',
        '1',
        '0',
        '1',
        '0',
        expect.stringContaining('查看意见'),
      ]);
    await expectNoSeriousAxeViolations(director, 'expert pool');
    await director.getByRole('link', { name: '查看意见：刘洋' }).click();
    await expect.poll(() => director.textContent('body')).toContain(OPINION);
    for (const page of [desk, lawyer, director]) await page.close();
  });
});
