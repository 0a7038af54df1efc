import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { pdfText, undrawnCharacters } from '@linju/documents/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Actor, systemActor } from '../actor.ts';
import { changeCaseStatus, intakeCase } from '../cases/case-service.ts';
import { recordResidentFeedback, recordSatisfaction } from '../cases/resident-feedback.ts';
import { actorOf } from '../testing/test-actor.ts';
import {
  createTestDistrict,
  TEST_SERVICE,
  TEST_SERVICES,
  type TestDistrict,
} from '../testing/test-district.ts';
import { getStatistics, periodInChinese } from './statistics-query.ts';
import {
  listStatisticsReports,
  readStatisticsReport,
  requestStatisticsReport,
  runQueuedReports,
} from './statistics-report.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let head: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const month = new Date().toISOString().slice(0, 7);
/** The month as its file is named: 2026年11月. */

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'reports');
  head = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
  const admin = systemActor(d.tenantId, 'test admin');
  for (let i = 0; i < 6; i++) {
    await inTenant(async (tx) => {
      const c = await intakeCase(tx, admin, box, {
        channel: i % 2 ? 'walk-in' : 'hotline-12348',
        organisationId: i < 4 ? d.organisations.roomA : d.organisations.stationB,
        serviceType: TEST_SERVICE,
        category: 'neighbours',
        description: `报表测试第${i}件`,
        resident: { name: `居民${i}`, phone: `136${String(10_000_000 + i).slice(-8)}` },
      });
      if (i === 5) return;
      await changeCaseStatus(tx, admin, { caseId: c.id, status: 'in-progress' });
      await changeCaseStatus(tx, admin, { caseId: c.id, status: 'resolved' });
      await recordResidentFeedback(tx, admin, { caseId: c.id, summary: '已告知' });
      await recordSatisfaction(tx, admin, { caseId: c.id, score: 3 + (i % 3) });
    });
  }
});
afterAll(() => app.close());

describe('statistics reports', () => {
  it('makes the month’s workbook in the background, and its totals are the dashboard’s', async () => {
    const { id } = await inTenant((tx) =>
      requestStatisticsReport(tx, head, { period: month, organisationId: d.organisations.stationA }),
    );
    expect((await inTenant((tx) => listStatisticsReports(tx, head)))[0]).toMatchObject({
      id,
      status: 'queued',
      progress: 0,
    });
    await expect(inTenant((tx) => readStatisticsReport(tx, head, { id }))).rejects.toMatchObject({
      message: 'statistics.report_not_ready',
    });
    expect(await runQueuedReports(app.db, d.tenantId, TEST_SERVICES)).toEqual([id]);
    const [listed] = await inTenant((tx) => listStatisticsReports(tx, head));
    expect(listed).toMatchObject({
      id,
      status: 'done',
      progress: 100,
      fileName: `统计月报-${periodInChinese(month)}.xlsx`,
    });

    const file = await inTenant((tx) => readStatisticsReport(tx, head, { id }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.content as unknown as ArrayBuffer);
    const stats = await inTenant((tx) =>
      getStatistics(tx, head, { period: month, organisationId: d.organisations.stationA }),
    );
    const summary = book.getWorksheet('汇总');
    const totals = summary?.getRow(3).values as unknown[];
    // [, label, received, resolved, on time, on-time rate, days, closed, ended, feedback, rated, score, rate]
    expect(totals.slice(1, 4)).toEqual(['合计', stats.totals.received, stats.totals.resolved]);
    expect(totals[9]).toBe(stats.totals.feedback);
    expect(totals[10]).toBe(stats.totals.rated);
    expect(stats.totals.received).toBe(4);
    expect(stats.totals.rated).toBe(4);
    // The units' lines add up to the total, as on the dashboard.
    const units = book.getWorksheet('按单位');
    let received = 0;
    units?.eachRow((row, n) => {
      if (n > 2) received += Number(row.getCell(2).value);
    });
    expect(received).toBe(stats.totals.received);
    // Referral turnaround, consultation (hotline) minutes and events have a sheet of their own.
    const activity = book.getWorksheet('转介与其他业务');
    expect(activity?.getRow(3).values).toEqual([
      undefined,
      '转介办结（件）',
      stats.activity?.referrals.completed,
    ]);
    // Services are named as their manifests name them (handed in: core keeps no list of services).
    expect(book.getWorksheet('按服务')?.getRow(3).getCell(1).value).toBe('测试服务');
    expect(book.getWorksheet('按类别')?.getRow(3).getCell(1).value).toBe('测试服务 · neighbours');

    // The PDF: the district's name in Chinese, the period, the totals and the units, as text.
    const pdf = await inTenant((tx) => readStatisticsReport(tx, head, { id, format: 'pdf' }));
    expect(pdf).toMatchObject({
      fileName: `统计月报-${periodInChinese(month)}.pdf`,
      contentType: 'application/pdf',
    });
    expect(await undrawnCharacters(new Uint8Array(pdf.content))).toEqual([]);
    const text = (await pdfText(new Uint8Array(pdf.content))).text.replaceAll(/\s/g, '');
    const [district] = await inTenant((tx) =>
      tx.select({ nameZh: schema.tenant.nameZh }).from(schema.tenant).where(eq(schema.tenant.id, d.tenantId)),
    );
    const title = `${district?.nameZh}甲街道工作站${periodInChinese(month)}公共法律服务统计报告`;
    expect(text).toContain(title.replaceAll(/\s/g, ''));
    expect(text).toContain(
      `共受理公共法律服务案件${stats.totals.received}件，办结${stats.totals.resolved}件`,
    );
    expect(text).toContain(`收到满意度评价${stats.totals.rated}件`);
    expect(text).toContain('各单位受理数');
    expect(text).toContain('测试服务');
  });

  it('refuses a report beyond the requester’s subtree, and hides others’ reports', async () => {
    await expect(
      inTenant((tx) =>
        requestStatisticsReport(tx, head, { period: month, organisationId: d.organisations.stationB }),
      ),
    ).rejects.toMatchObject({ message: 'auth.forbidden' });
    const other = await actorOf(app.db, d.tenantId, d.people.deskA, '前台甲');
    const [mine] = await inTenant((tx) => listStatisticsReports(tx, head));
    await expect(
      inTenant((tx) => readStatisticsReport(tx, other, { id: mine?.id as string })),
    ).rejects.toMatchObject({ message: 'statistics.report_not_found' });
  });

  it('keeps a report from its requester once they no longer read that unit’s figures', async () => {
    const [mine] = await inTenant((tx) => listStatisticsReports(tx, head));
    const stationB = (await actorOf(app.db, d.tenantId, d.people.deskB)).grants[0]?.organisationPath;
    // The same person, now head of station B only: station A's report is no longer theirs to read.
    const moved: Actor = {
      ...head,
      grants: [{ role: 'station-head', organisationPath: stationB as string }],
    };
    expect((await inTenant((tx) => listStatisticsReports(tx, moved))).map((r) => r.id)).not.toContain(
      mine?.id,
    );
    await expect(
      inTenant((tx) => readStatisticsReport(tx, moved, { id: mine?.id as string })),
    ).rejects.toMatchObject({ message: 'statistics.report_not_found' });
  });
});
