import { join } from 'node:path';
import { pdfText, undrawnCharacters } from '@linju/documents/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screens, searchCases, signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * The printouts every case offers on its documents part, in Chromium against the real stack: the
 * intake receipt for the resident and the cover of the case file, each a PDF downloaded under its
 * Chinese name with every character drawn.
 */
const live = useDemoStack('case-documents');

/** Clicks a link that downloads, and returns the file's name and bytes. */
async function downloaded(page: Page, name: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name }).click(),
  ]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { fileName: download.suggestedFilename(), bytes: new Uint8Array(Buffer.concat(chunks)) };
}

describe('the printouts of a case', () => {
  it('downloads the intake receipt and the file cover, named in Chinese, every character drawn', async () => {
    const page = await live.browser.newPage();
    await signInAsDemo(page, live.url, 'desk');
    // The demo district's neighbour dispute (王秀英 against 赵建国).
    await searchCases(page, live.url, '13916605012');
    await page
      .getByRole('link', { name: /XH-\d{4}-\d{6}/ })
      .first()
      .click();
    await expect.poll(() => page.url()).toMatch(/\/cases\/[0-9a-f-]{36}$/);
    await page.goto(`${page.url()}/documents`);
    await expect.poll(() => page.getByRole('heading', { name: '打印文书' }).count()).toBe(1);
    await page.screenshot({ path: join(screens, 'case-documents-printouts.png'), fullPage: true });

    const receipt = await downloaded(page, '受理回执');
    expect(receipt.fileName).toMatch(/^受理回执-XH-\d{4}-\d{6}\.pdf$/);
    expect(await undrawnCharacters(receipt.bytes)).toEqual([]);
    const receiptText = (await pdfText(receipt.bytes)).text.replaceAll(/\s/g, '');
    expect(receiptText).toContain('王秀英：');
    expect(receiptText).toContain(`受理编号为${receipt.fileName.slice(5, -4)}`);

    const cover = await downloaded(page, '案卷封面');
    expect(cover.fileName).toMatch(/^案卷封面-XH-\d{4}-\d{6}\.pdf$/);
    expect(await undrawnCharacters(cover.bytes)).toEqual([]);
    expect((await pdfText(cover.bytes)).text.replaceAll(/\s/g, '')).toContain(
      '王秀英（申请人）、赵建国（被申请人）',
    );
    await page.close();
  });
});
