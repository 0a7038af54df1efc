import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { screens, signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * A walk-in neighbour dispute in Chromium against the real stack, taken in with the other party
 * (被申请人) on the intake form: a wrong ID number is refused on that party's row with everything
 * typed kept, the case page's parties part shows the party masked and takes a correction, and
 * the mediation agreement — which needs a respondent — is then generated. Nothing typed about
 * the parties reaches an address or the stack's log.
 */
const live = useDemoStack('parties');

const RESIDENT_PHONE = '13987654321';
const PARTY_ID_NUMBER = '11010519491231002X';
const PARTY_PHONE = '13611112222';

describe("a walk-in dispute's other party", () => {
  it('is taken in with the matter, corrected on the case page, and signs the mediation agreement', async () => {
    const page = await live.browser.newPage();
    const addresses: string[] = [];
    page.on('request', (request) => addresses.push(request.url()));
    await signInAsDemo(page, live.url, 'desk');
    await page.goto(`${live.url}/t/xuhui/cases/new`);
    await page.getByLabel('姓名', { exact: true }).fill('钱秀兰');
    await page.getByLabel('电话', { exact: true }).fill(RESIDENT_PHONE);
    await page.getByLabel('服务类型').selectOption('mediation');
    await expect.poll(() => page.getByLabel('纠纷概要').count()).toBe(1);
    // The dispute's summary runs to paragraphs: several lines, not a one-line box.
    expect(await page.getByLabel('纠纷概要').evaluate((field) => field.tagName)).toBe('TEXTAREA');
    await page.getByLabel('纠纷概要').fill('楼上住户空调外机滴水到楼下阳台，多次沟通未果，双方争执。');
    await page.getByLabel('案件描述').fill('邻居空调滴水纠纷，申请人民调解');
    await page.getByLabel('当事人身份').selectOption('adverse');
    await page.getByLabel('姓名或单位名称').fill('孙立新');
    // A mistyped check character: refused on the party's own row, everything typed kept.
    await page.getByLabel('公民身份号码').fill('110105194912310021');
    await page.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => page.textContent('body')).toContain('当事人 1：公民身份号码');
    await expect.poll(() => page.textContent('body')).toContain('身份证号码不正确');
    expect(await page.getByLabel('姓名或单位名称').inputValue()).toBe('孙立新');
    expect(await page.getByLabel('姓名', { exact: true }).inputValue()).toBe('钱秀兰');
    expect(await page.getByLabel('纠纷概要').inputValue()).toContain('空调外机滴水');
    await page.getByLabel('公民身份号码').fill(PARTY_ID_NUMBER);
    await page.getByRole('button', { name: '受理' }).click();
    await expect.poll(() => page.textContent('body')).toMatch(/XH-\d{4}-\d{6}/);

    await page.getByRole('link', { name: '打开案件' }).click();
    await page.getByRole('link', { name: '当事人', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/parties$/);
    await expect.poll(() => page.textContent('body')).toContain('被申请人：孙立新（自然人）');
    expect(await page.textContent('body')).toContain('110***********002X');
    expect(await page.textContent('body')).not.toContain(PARTY_ID_NUMBER);

    // A correction: the phone added, the ID number left empty and so kept as it was.
    await page.locator('summary', { hasText: '修改当事人：孙立新' }).click();
    const correction = page.locator('details[open]');
    await correction.getByLabel('联系电话').fill(PARTY_PHONE);
    await correction.getByRole('button', { name: '保存修改' }).click();
    await expect.poll(() => page.textContent('body')).toContain('136****2222');
    expect(await page.textContent('body')).toContain('110***********002X');
    await page.screenshot({ path: join(screens, 'case-parties.png'), fullPage: true });

    await page.getByRole('link', { name: '调解记录、调解协议与司法确认' }).click();
    await expect.poll(() => page.url()).toMatch(/\/mediation$/);
    await page.getByText('指定调解员', { exact: true }).click();
    await page.getByLabel('主持调解员').fill('王调解');
    await page.getByRole('button', { name: '保存' }).first().click();
    await expect.poll(() => page.textContent('body')).toContain('王调解（主持调解员）');
    await page.getByText('制作调解协议', { exact: true }).click();
    await page.getByLabel('协议条款').fill('孙立新于十日内维修空调外机排水管。\n孙立新向钱秀兰赔礼道歉。');
    await page.getByRole('button', { name: '生成调解协议（PDF）' }).click();
    const download = page.getByRole('link', { name: '下载调解协议书（PDF）' });
    await expect.poll(() => download.count()).toBe(1);
    // Both sides are to confirm it: the resident and the respondent recorded at intake.
    expect(await page.textContent('body')).toMatch(/钱秀兰：尚未确认[\s\S]*孙立新：尚未确认/);
    const response = await page.request.get(`${live.url}${(await download.getAttribute('href')) ?? ''}`);
    expect(response.status()).toBe(200);
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.screenshot({ path: join(screens, 'parties-mediation-agreement.png'), fullPage: true });
    await page.close();

    const typed = [PARTY_ID_NUMBER, PARTY_PHONE, RESIDENT_PHONE, '孙立新'];
    for (const address of addresses)
      for (const value of typed) expect(decodeURIComponent(address), address).not.toContain(value);
    for (const value of [PARTY_ID_NUMBER, PARTY_PHONE]) expect(live.output).not.toContain(value);
  });
});
