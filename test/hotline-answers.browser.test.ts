import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { signInAsDemo, useDemoStack } from './demo-stack.ts';

/**
 * The 12345 answers download on the import page, in Chromium against the real stack: a reversed
 * period comes back to the form with the reason; a valid one downloads the CSV in the hotline's
 * format (UTF-8 with BOM, the import's order number column first).
 */
const live = useDemoStack('answers');

describe('12345 answers download', () => {
  it('names a reversed period, then downloads the period’s answers as CSV', async () => {
    const page = await live.browser.newPage({ acceptDownloads: true });
    await signInAsDemo(page, live.url, 'desk');
    await page.goto(`${live.url}/t/xuhui/cases/import`);
    expect(await page.getByRole('heading', { level: 2, name: '导出12345答复' }).count()).toBe(1);

    await page.getByLabel('办结日期自').fill('2026-03-31');
    await page.getByLabel('办结日期至').fill('2026-03-01');
    await page.getByRole('button', { name: '导出答复' }).click();
    await expect.poll(() => page.url()).toContain('answersError=hotline.period_invalid');
    expect(await page.getByText('期间的结束日期不能早于开始日期。').count()).toBe(1);

    await page.getByLabel('办结日期自').fill('2026-01-01');
    await page.getByLabel('办结日期至').fill('2026-12-31');
    await page.getByLabel('文件格式').selectOption('csv');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出答复' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('12345工单答复-2026-01-01至2026-12-31.csv');
    const bytes = await readFile((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8').slice(1).split('\r\n')[0]?.split(',')[0]).toBe('工单编号');
  }, 240_000);
});
