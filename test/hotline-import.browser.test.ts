import { describe, expect, it } from 'vitest';
import { screens, signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * The 12345 import page in Chromium against the real stack (server, worker, Temporal): a CSV as
 * Excel on a Chinese Windows saves it (GB18030) is uploaded, the page moves to the import's own
 * address, and reloading it (what the refresh link does without JavaScript) shows the import's
 * progress until the worker has finished, then its report with the bad row.
 */
const live = useDemoStack('hotline-import');

// GB18030 bytes written by hand: Node decodes GB18030 but has no encoder.
const gb = (hex: string) => Buffer.from(hex.replace(/ /g, ''), 'hex');
const file = Buffer.concat([
  // 工单编号,受理时间,来电人,联系电话,诉求内容
  gb(
    'b9a4 b5a5 b1e0 bac5 2c cadc c0ed cab1 bce4 2c c0b4 b5e7 c8cb 2c c1aa cfb5 b5e7 bbb0 2c cbdf c7f3 c4da c8dd 0d0a',
  ),
  Buffer.from('GB-BROWSER-1,2026-03-05 10:00,'),
  gb('d5c5 c8fd'), // 张三
  Buffer.from(',13800009901,'),
  gb('d4eb d2f4'), // 噪音
  Buffer.from('\r\nGB-BROWSER-2,2026-03-05 10:05,'),
  gb('c0ee cbc4'), // 李四
  Buffer.from(',12345,'),
  gb('d4eb d2f4'),
  Buffer.from('\r\n'),
]);

describe('12345 import page', () => {
  it('imports a GB18030 export in the background and shows its progress, then its report', async () => {
    const page = await live.browser.newPage();
    await signInAsDemo(page, live.url, 'desk');
    await page.goto(`${live.url}/t/xuhui/cases/import`);
    await page
      .getByLabel('导出文件')
      .setInputFiles({ name: '12345.csv', mimeType: 'text/csv', buffer: file });
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/\/cases\/import\?import=[0-9a-f-]{36}#import$/);
    // The address changes before the new page is read in: wait for its content, not its URL.
    await expect.poll(() => page.getByRole('table', { name: '我的导入' }).count()).toBe(1);
    // Reloaded as the refresh link does, until the worker has imported the file.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('#import').textContent();
        },
        { timeout: 60_000 },
      )
      .toContain('导入完成');
    expect(await page.locator('#import').textContent()).toContain(
      '共 2 行：导入 1 条，此前已导入 0 条，有问题 1 条。',
    );
    const problems = page.getByRole('table', { name: '有问题的行' });
    expect(await problems.locator('tbody tr').count()).toBe(1);
    expect(await problems.locator('tbody tr').first().textContent()).toContain('GB-BROWSER-2');
    await page.screenshot({ path: `${screens}/hotline-import.png`, fullPage: true });
  }, 300_000);
});
