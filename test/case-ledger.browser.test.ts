import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screens, signInAsDemo, signInAsDemoManager, signInFirstTime, useDemoStack } from './demo-stack.ts';

/**
 * The case ledger (案件台账) and the assignment queue in Chromium against the real stack (issue 17):
 * one table with its total (共 N 条), page sizes, page numbers, headers that order it and 导出 Excel
 * of the whole filter; the station head ticks several cases of her queue and assigns them in one
 * submit — the ledger and the queue without JavaScript too. The sent referrals (发出的转介) are
 * the same table: totalled, paged, ordered and exported as 转介-<day>.xlsx; so is the audit log
 * (审计日志-<day>.xlsx).
 */
const live = useDemoStack('case-ledger');

/** A tRPC call from the signed-in page, as the app's own scripts could make it. */
async function api<T>(page: Page, path: string, input?: unknown): Promise<T> {
  const answer = await page.evaluate(
    async ({ path, input }) => {
      const response =
        input === undefined
          ? await fetch(`/trpc/${path}`)
          : await fetch(`/trpc/${path}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(input),
            });
      return response.json();
    },
    { path, input },
  );
  return answer.result.data as T;
}

type Organisation = { id: string; kind: string };
const unitNamed = async (page: Page, kind: string, name: string) =>
  (await api<Organisation[]>(page, 'organisation.getMany')).find(
    (o) => o.kind === kind && JSON.stringify(o).includes(name),
  )?.id ?? '';

const intake = (page: Page, organisationId: string, name: string) =>
  api<{ id: string; number: string }>(page, 'case.create', {
    channel: 'walk-in',
    resident: { name, keyGroups: [] },
    serviceType: 'undecided',
    description: '邻里之间因楼道堆物发生纠纷',
    organisationId,
  });

/** The ledger's rows as shown: number and resident. */
const rows = (page: Page) =>
  page.$$eval('main table tbody tr', (trs) =>
    trs.map((tr) => ({
      number: tr.querySelector('th')?.textContent?.trim() ?? '',
      resident: tr.querySelectorAll('td')[1]?.textContent?.trim() ?? '',
    })),
  );
const totalOf = async (page: Page) =>
  Number(
    /共 ([\d,]+) 条/.exec((await page.locator('main').textContent()) ?? '')?.[1]?.replace(/,/g, '') ?? -1,
  );

/** Clicks 导出 Excel and reads the sheet's rows as text. */
async function exported(page: Page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '导出 Excel' }).click(),
  ]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await download.path()) as string);
  const sheetRows: string[][] = [];
  book.worksheets[0]?.eachRow((row) => {
    sheetRows.push((Array.isArray(row.values) ? row.values.slice(1) : []).map((v) => String(v ?? '')));
  });
  return { fileName: download.suggestedFilename(), sheetRows };
}

describe('the case ledger', () => {
  it('totals, pages, page sizes, orders and exports the desk’s cases', async () => {
    const page = await live.browser.newPage();
    await signInAsDemo(page, live.url, 'desk');
    const centre = await unitNamed(page, 'centre', '徐汇区公共法律服务中心');
    for (let i = 1; i <= 22; i++) await intake(page, centre, `台账测试${String(i).padStart(2, '0')}`);

    await page.goto(`${live.url}/t/xuhui/cases`);
    const total = await totalOf(page);
    expect(total).toBeGreaterThanOrEqual(22);
    // Newest first, 20 a page: the last intake heads the first page.
    expect(await rows(page)).toHaveLength(20);
    expect((await rows(page))[0]?.resident).toBe('台账测试22');
    await page.screenshot({ path: join(screens, 'case-ledger.png'), fullPage: true });

    const pager = page.getByRole('navigation', { name: '分页' });
    await pager.getByRole('link', { name: '2', exact: true }).click();
    await expect.poll(() => page.url()).toContain('page=2');
    await expect.poll(async () => (await rows(page)).length).toBe(Math.min(total - 20, 20));
    expect((await rows(page))[0]?.resident).toBe('台账测试02');

    // Another page size starts again at the first page.
    await page.getByRole('link', { name: '50 条/页' }).click();
    await expect.poll(() => page.url()).toMatch(/size=50$/);
    await expect.poll(async () => (await rows(page)).length).toBe(Math.min(total, 50));

    // The deadline's header orders by it, soonest first (only matters with a time limit).
    await page.getByRole('link', { name: '办结期限' }).click();
    await expect.poll(() => page.url()).toContain('sort=due');
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('办结期限');

    // The export holds the whole filter (not the page), in the screen's words, named in Chinese.
    await page.goto(`${live.url}/t/xuhui/cases`);
    const first = (await rows(page))[0];
    const { fileName, sheetRows } = await exported(page);
    expect(fileName).toMatch(/^案件台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(sheetRows[0]).toEqual(['编号', '状态', '群众', '服务', '受理时间', '办结期限']);
    expect(sheetRows).toHaveLength(total + 1);
    expect(sheetRows[1]?.slice(0, 3)).toEqual([first?.number, '已受理', '台账测试22']);
    await page.close();
  });

  it('assigns several ticked cases of the queue in one submit, and works without JavaScript', async () => {
    const desk = await live.browser.newPage();
    await signInAsDemo(desk, live.url, 'desk');
    const station = await unitNamed(desk, 'station', '徐家汇街道');
    const centre = await unitNamed(desk, 'centre', '徐汇区公共法律服务中心');
    const moved: string[] = [];
    for (const name of ['分派测试甲', '分派测试乙']) {
      const created = await intake(desk, centre, name);
      await api(desk, 'case.transfer', { caseId: created.id, organisationId: station, reason: '属地办理' });
      moved.push(created.number);
    }
    await desk.close();

    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const head = await context.newPage();
    await signInAsDemoManager(head, live.url, 'station');
    await head.goto(`${live.url}/t/xuhui/cases/assignment`);
    expect(await totalOf(head)).toBeGreaterThanOrEqual(2);
    for (const number of moved) await head.getByLabel(`选择案件 ${number}`).check();
    // The assignee is typed; a name fitting nobody is refused on the field, the ticks kept.
    const assignee = head.locator('#assign-assigneeId');
    await assignee.fill('无此人');
    await head.getByRole('button', { name: '分派所选案件' }).click();
    await expect.poll(() => head.textContent('body')).toContain('没有与所填文字相符的选项');
    for (const number of moved) expect(await head.getByLabel(`选择案件 ${number}`).isChecked()).toBe(true);
    expect(await assignee.inputValue()).toBe('无此人');
    await assignee.fill('孙伟');
    await head.screenshot({ path: join(screens, 'case-ledger-assignment.png'), fullPage: true });
    await head.getByRole('button', { name: '分派所选案件' }).click();
    await expect.poll(() => head.textContent('body')).toContain('已分派 2 件案件。');
    for (const number of moved) expect(await head.locator('main table').textContent()).not.toContain(number);

    // The ledger without JavaScript: its headers, page sizes and export are plain links.
    await head.goto(`${live.url}/t/xuhui/cases`);
    const total = await totalOf(head);
    expect(total).toBeGreaterThanOrEqual(2);
    await head.getByRole('link', { name: '办结期限' }).click();
    await expect.poll(() => head.url()).toContain('sort=due');
    await head.getByRole('link', { name: '100 条/页' }).click();
    await expect.poll(() => head.url()).toContain('size=100');
    await head.goto(`${live.url}/t/xuhui/cases`);
    const { sheetRows } = await exported(head);
    expect(sheetRows).toHaveLength(total + 1);
    expect(sheetRows.map((r) => r[0])).toEqual(expect.arrayContaining(moved));
    await context.close();
  });
});

/** The sent referrals' rows as shown: the subject and the partner. */
const sentRows = (page: Page) =>
  page.$$eval('section[aria-labelledby="outgoing-heading"] table tbody tr', (trs) =>
    trs.map((tr) => ({
      partner: tr.querySelectorAll('td')[1]?.textContent?.trim() ?? '',
      subject: tr.querySelectorAll('td')[2]?.textContent?.trim() ?? '',
    })),
  );

describe('the sent referrals', () => {
  it('totals, pages, orders and exports them, the page size without JavaScript too', async () => {
    const page = await live.browser.newPage();
    await signInAsDemo(page, live.url, 'desk');
    const centre = await unitNamed(page, 'centre', '徐汇区公共法律服务中心');
    const federation =
      (await api<Organisation[]>(page, 'organisation.getMany')).find((o) =>
        JSON.stringify(o).includes('徐汇区妇女联合会'),
      )?.id ?? '';
    for (let i = 1; i <= 21; i++) {
      const created = await intake(page, centre, `转介列表${String(i).padStart(2, '0')}`);
      await api(page, 'case.recordConsent', { caseId: created.id, partnerOrganisationId: federation });
      await api(page, 'referral.create', {
        caseId: created.id,
        toOrganisationId: federation,
        kind: 'assistance',
        summary: '请妇联协助化解家庭矛盾',
      });
    }

    await page.goto(`${live.url}/t/xuhui/referrals`);
    const total = await totalOf(page);
    expect(total).toBeGreaterThanOrEqual(21);
    // Newest sent first, 20 a page, the partner and the subject named as on the case.
    expect(await sentRows(page)).toHaveLength(20);
    expect((await sentRows(page))[0]).toEqual({ partner: '徐汇区妇女联合会', subject: '转介列表21' });
    await page.screenshot({ path: join(screens, 'referrals-sent.png'), fullPage: true });

    await page
      .getByRole('navigation', { name: '分页' })
      .getByRole('link', { name: '2', exact: true })
      .click();
    await expect.poll(() => page.url()).toContain('page=2');
    await expect.poll(async () => (await sentRows(page)).length).toBe(Math.min(total - 20, 20));

    // The deadline's header orders by it, soonest first, from the first page again.
    await page.getByRole('link', { name: '办结期限' }).click();
    await expect.poll(() => page.url()).toContain('sort=due');
    expect(page.url()).not.toContain('page=');
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toContain('办结期限');

    // The export holds every sent referral (not the page), in the screen's words, named in Chinese.
    await page.goto(`${live.url}/t/xuhui/referrals`);
    const { fileName, sheetRows } = await exported(page);
    expect(fileName).toMatch(/^转介-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(sheetRows[0]).toEqual(['类型', '接收单位', '当事人', '状态', '发出时间', '办结期限']);
    expect(sheetRows).toHaveLength(total + 1);
    expect(sheetRows[1]?.slice(1, 3)).toEqual(['徐汇区妇女联合会', '转介列表21']);
    await page.close();

    const context = await live.browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await signInAsDemo(plain, live.url, 'desk');
    await plain.goto(`${live.url}/t/xuhui/referrals`);
    await plain.getByRole('link', { name: '50 条/页' }).click();
    await expect.poll(() => plain.url()).toContain('size=50');
    await expect.poll(async () => (await sentRows(plain)).length).toBe(Math.min(total, 50));
    await context.close();
  });
});

describe('the audit log', () => {
  it('totals, pages and exports its entries under the filter, in words', async () => {
    const page = await live.browser.newPage();
    await signInFirstTime(page, live.url, 'xuhui', 'Ledger-audit-2026');
    await page.goto(`${live.url}/t/xuhui/audit`);
    expect(await page.locator('main').textContent()).toMatch(/共 [\d,]+ 条|超过 1,?000 条/);
    const seqs = () =>
      page.$$eval('main table tbody tr th', (ths) =>
        ths.map((th) => Number(th.textContent?.replace('#', ''))),
      );
    expect(await seqs()).toHaveLength(20);
    const firstPage = await seqs();
    await page
      .getByRole('navigation', { name: '分页' })
      .getByRole('link', { name: '2', exact: true })
      .click();
    await expect.poll(() => page.url()).toContain('page=2');
    // Page 2 holds entries page 1 did not. Not "all older than page 1's": the earlier tests' referrals
    // still write entries as their partners answer, shifting the pages while this test reads them.
    await expect
      .poll(async () => (await seqs()).filter((seq) => !firstPage.includes(seq)).length)
      .toBeGreaterThan(0);
    expect(await seqs()).toHaveLength(20);
    await page.screenshot({ path: join(screens, 'audit-log-page-2.png'), fullPage: true });

    // The exports of lists, under the filter: each named in words, the sheet holding every one.
    await api(page, 'list.exportXlsx', {
      list: 'audit-log',
      filter: '',
      title: '审计日志',
      day: '2026-12-01',
      columns: ['序号'],
      rows: [],
    });
    await page.goto(`${live.url}/t/xuhui/audit?objectType=list`);
    const total = await totalOf(page);
    expect(total).toBeGreaterThanOrEqual(1);
    const { fileName, sheetRows } = await exported(page);
    expect(fileName).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(sheetRows[0]).toEqual(['序号', '时间', '操作', '操作人', '对象']);
    expect(sheetRows).toHaveLength(total + 1);
    expect(sheetRows[1]?.slice(2, 3)).toEqual(['导出列表']);
    expect(sheetRows[1]?.[4]).toMatch(/^列表 /);
    await page.close();
  });
});
