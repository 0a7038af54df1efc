import { join } from 'node:path';
import { undrawnCharacters } from '@linju/documents/testing';
import { describe, expect, it } from 'vitest';
import { screens, searchCases, signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * A mediator's work on a neighbour dispute in Chromium against the real stack: from the case page
 * to its mediation page, naming the mediator, drafting the agreement, downloading the PDF, each
 * step named on the case's timeline, and passing the failed mediation on to a lawyer.
 */
const live = useDemoStack('mediation');

describe('the mediation page of a case', () => {
  it('names the mediator, drafts the agreement, downloads it as a PDF and passes a failed mediation on', async () => {
    const page = await live.browser.newPage();
    await signInAsDemo(page, live.url, 'desk');
    // The demo district's neighbour dispute (王秀英 against 赵建国).
    await searchCases(page, live.url, '13916605012');
    await page
      .getByRole('link', { name: /XH-\d{4}-\d{6}/ })
      .first()
      .click();
    await page.getByRole('link', { name: '调解记录、调解协议与司法确认' }).click();
    await expect.poll(() => page.url()).toMatch(/\/mediation$/);

    await page.getByText('指定调解员', { exact: true }).click();
    await page.getByLabel('主持调解员').fill('王调解');
    await page.getByRole('button', { name: '保存' }).first().click();
    await expect.poll(() => page.textContent('body')).toContain('王调解（主持调解员）');

    await page.getByText('制作调解协议', { exact: true }).click();
    await page
      .getByLabel('协议条款')
      .fill('赵建国每日22时至次日7时不进行装修作业。\n赵建国向王秀英赔礼道歉。');
    await page.getByRole('button', { name: '生成调解协议（PDF）' }).click();
    const download = page.getByRole('link', { name: '下载调解协议书（PDF）' });
    await expect.poll(() => download.count()).toBe(1);
    await page.screenshot({ path: join(screens, 'mediation-agreement.png'), fullPage: true });

    const href = (await download.getAttribute('href')) ?? '';
    const response = await page.request.get(`${live.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Every character of the agreement is drawn, as a PDF viewer renders it.
    expect(await undrawnCharacters(new Uint8Array(await response.body()))).toEqual([]);

    // The case's timeline names each step the mediation recorded, in the plugin's words, not 备注.
    const mediationUrl = page.url();
    const casePath = new URL(mediationUrl).pathname.replace(/\/mediation$/, '');
    await page.goto(`${live.url}${casePath}`);
    const titles = await page.locator('.admin-timeline__head strong').allTextContents();
    expect(titles).toEqual(expect.arrayContaining(['指定调解员', '制作调解协议书']));
    expect(titles).not.toContain('备注');
    await page.goto(mediationUrl);

    // A failed mediation goes on as a linked lawyer consultation, whose case page opens.
    await page.locator('summary', { hasText: '调解不成：转后续服务' }).click();
    await page.getByLabel('调解不成的原因').fill('赵建国不同意停止夜间装修');
    await page.getByLabel('转至').selectOption('consultation');
    await page.getByRole('button', { name: '建立后续案件' }).click();
    await expect.poll(() => page.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    expect(page.url()).not.toBe(mediationUrl.replace(/\/mediation$/, ''));
    await page.close();
  });
});
