import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousAxeViolations } from './axe.ts';
import { screens, searchCases, signInAsDemo, signInAsDemoManager, useDemoStack } from './demo-stack.ts';

/**
 * The reference case library in Chromium against the real stack, at 1280 px: the desk proposes the
 * demo's closed wage case from its 法律知识 tools (an article the library lacks is refused at its
 * field), the director approves it from the proposals waiting, and the desk finds it by a word.
 */
const root = join(import.meta.dirname, '..');
const live = useDemoStack('reference-cases');
const VIEWPORT = { width: 1280, height: 900 };
const TITLE = '包工头拖欠农民工工资，法律援助律师代为讨回';

// The demo stack loads no national law: the articles residents ask about, as `linju statutes import` loads them.
beforeAll(async () => {
  const loaded = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'apps', 'cli', 'src', 'main.ts'),
        'statutes',
        'import',
        join(root, 'packages', 'statutes', 'src', 'testing', 'assistant-articles.jsonl'),
      ],
      { env: { ...process.env, LINJU_DATA_DIR: live.dataDir, DATABASE_URL: '' } },
    );
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
  expect(loaded.code, loaded.out).toBe(0);
});

describe('the reference case library', () => {
  it('takes a closed case from proposal through approval into the library', async () => {
    const desk = await live.browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await desk.newPage();
    await signInAsDemo(page, live.url, 'desk');
    // The demo's closed wage case (李国强, legal aid).
    await searchCases(page, live.url, '13761234408');
    await page
      .getByRole('link', { name: /XH-\d{4}-\d{6}/ })
      .first()
      .click();
    await expect.poll(() => page.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    const tools = page.getByRole('region', { name: '法律知识' });
    await expect.poll(() => tools.getByRole('link', { name: '推荐为参考性案例' }).count()).toBe(1);
    await tools.getByRole('link', { name: '推荐为参考性案例' }).click();
    await expect.poll(() => page.url()).toMatch(/\/reference-case$/);
    await expect.poll(() => page.getByRole('heading', { name: '自动去除个人信息的草稿' }).count()).toBe(1);
    const body = (await page.textContent('main')) ?? '';
    expect(body).toContain('包工头拖欠工资');
    expect(body).not.toContain('李国强');
    expect(body).not.toContain('13761234408');
    await expectNoSeriousAxeViolations(page, 'proposing a reference case');

    await page.locator('summary', { hasText: '推荐为参考性案例' }).click();
    await page.getByLabel('案例标题').fill(TITLE);
    await page
      .getByLabel('处理结果与方法')
      .fill('援助律师依据考勤记录主张劳动报酬，经劳动监察介入，拖欠工资全额支付。');
    await page.getByLabel('法律依据').fill('《劳动合同法》第九百条');
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect
      .poll(() => page.getByText('法律依据中有法条库查不到的条文，请核对法律名称和条文序号。').count())
      .toBeGreaterThan(0);
    expect(await page.getByLabel('案例标题').inputValue()).toBe(TITLE);
    await page.getByLabel('法律依据').fill('《劳动合同法》第三十条\n《劳动合同法》第八十五条');
    await page.getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => page.url()).toContain('done=proposed');
    await expect.poll(() => page.getByText('已提交审核，等待专家或司法局审核。').count()).toBe(1);

    const director = await live.browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const approver = await director.newPage();
    await signInAsDemoManager(approver, live.url, 'director');
    await approver.getByRole('link', { name: '参考性案例库' }).first().click();
    await expect.poll(() => approver.url()).toContain('/t/xuhui/reference-cases');
    const waiting = approver.getByRole('region', { name: '待审核的推荐' });
    await expect.poll(() => waiting.getByRole('link', { name: TITLE }).count()).toBe(1);
    await waiting.getByRole('link', { name: TITLE }).click();
    await expect.poll(() => approver.getByRole('heading', { name: TITLE }).count()).toBe(1);
    await approver.locator('summary', { hasText: '审核通过' }).click();
    await approver.getByRole('button', { name: '通过并收入案例库' }).click();
    await expect.poll(() => approver.url()).toContain('done=approved');
    await expect.poll(() => approver.getByText('已审核通过，收入案例库。').count()).toBe(1);
    await director.close();

    await page.getByRole('link', { name: '参考性案例库' }).first().click();
    await expect.poll(() => page.url()).toContain('/t/xuhui/reference-cases');
    await page.getByLabel('关键词').fill('包工头');
    await page.getByRole('button', { name: '查找' }).click();
    await expect.poll(() => page.url()).toContain('text=');
    await expect.poll(() => page.getByText('共 1 个案例').count()).toBe(1);
    await page.getByRole('link', { name: TITLE }).click();
    await expect.poll(() => page.getByRole('heading', { name: TITLE }).count()).toBe(1);
    // The list beside it is still the one found by the word.
    expect(await page.getByText('共 1 个案例').count()).toBe(1);
    const shown = page.getByRole('article', { name: TITLE });
    expect(await shown.getByRole('listitem').allTextContents()).toEqual([
      '《劳动合同法》第三十条',
      '《劳动合同法》第八十五条',
    ]);
    await expectNoSeriousAxeViolations(page, 'a reference case in the library');
    await page.screenshot({ path: join(screens, 'reference-case.png'), fullPage: true });
    await desk.close();
  }, 300_000);
});
