import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Actor, systemActor } from '../actor.ts';
import { intakeCase } from '../cases/case-service.ts';
import { DomainError } from '../errors.ts';
import { listNotifications } from '../notifications/notification-service.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { listSweepReviews, markSweepReviewed, sweepMonth } from './monthly-sweep.ts';
import { getStatistics } from './statistics-query.ts';
import { makeStatisticsReport, readStatisticsReport } from './statistics-report.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let adminId: string;
let admin: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
let n = 0;
/** A matter received at local noon of `day` (Asia/Shanghai) at a unit, by channel and category. */
const matter = (
  day: string,
  organisationId: string,
  category: string,
  channel: 'walk-in' | 'hotline-12345',
) =>
  inTenant((tx) =>
    intakeCase(tx, systemActor(d.tenantId, 'test'), box, {
      channel,
      externalRef: channel === 'hotline-12345' ? `SWEEP-${n}` : null,
      resident: { name: `居民${n}`, phone: `135${String(30_000_000 + n++).slice(-8)}` },
      serviceType: 'mediation',
      category,
      description: '排查用事项',
      organisationId,
      receivedAt: new Date(`${day}T12:00:00+08:00`),
    }),
  );

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'sweep');
  const [row] = await withTenant(app.db, d.tenantId, (tx) =>
    tx
      .select({ id: schema.staffMember.id })
      .from(schema.staffMember)
      .where(eq(schema.staffMember.username, 'admin')),
  );
  adminId = row?.id as string;
  admin = await actorOf(app.db, d.tenantId, adminId);
  const { stationA, stationB } = d.organisations;
  // August: 1 wage matter at A, 2 neighbour matters at B (one from 12345).
  await matter('2026-08-10', stationA, 'wages', 'walk-in');
  await matter('2026-08-11', stationB, 'neighbours', 'walk-in');
  await matter('2026-08-12', stationB, 'neighbours', 'hotline-12345');
  // September: wages up to 4 (three by 12345) at A, neighbours down to 1 at B, family new at B.
  for (const day of ['2026-09-01', '2026-09-02', '2026-09-03'])
    await matter(day, stationA, 'wages', 'hotline-12345');
  await matter('2026-09-04', stationA, 'wages', 'walk-in');
  await matter('2026-09-05', stationB, 'neighbours', 'walk-in');
  await matter('2026-09-06', stationB, 'family', 'walk-in');
  // 1 October 00:30 local time is still 30 September in UTC: it belongs to October.
  const early = await matter('2026-10-01', stationB, 'family', 'walk-in');
  await inTenant((tx) =>
    tx
      .update(schema.legalCase)
      .set({ receivedAt: new Date('2026-09-30T16:30:00Z') })
      .where(eq(schema.legalCase.id, early.id)),
  );
});
afterAll(() => app.close());

describe('the monthly sweep', () => {
  it('ranks last month’s categories, 12345 orders and units by growth, and tells the bureau admins', async () => {
    const run = await inTenant((tx) =>
      sweepMonth(tx, { tenantId: d.tenantId, now: new Date('2026-10-18T00:00:00Z') }),
    );
    expect(run).toMatchObject({ month: '2026-09', created: true });
    const [review] = await inTenant((tx) => listSweepReviews(tx, admin));
    expect(review).toMatchObject({ month: '2026-09', status: 'open' });
    const f = review?.findings;
    expect(f?.totals).toEqual({
      cases: { current: 6, previous: 3 },
      hotline12345: { current: 3, previous: 1 },
    });
    expect(f?.categories.map((c) => [c.key, c.change])).toEqual([
      ['mediation/wages', 3],
      ['mediation/family', 1],
      ['mediation/neighbours', -1],
    ]);
    expect(f?.hotlineCategories.map((c) => [c.key, c.current, c.previous])).toEqual([
      ['mediation/wages', 3, 0],
      ['mediation/neighbours', 0, 1],
    ]);
    expect(f?.organisations[0]).toMatchObject({
      key: d.organisations.stationA,
      nameZh: '甲街道工作站',
      change: 3,
    });
    // The review quotes the month's report figures (the dashboard's) and links the monthly report.
    const stats = await inTenant((tx) => getStatistics(tx, admin, { period: '2026-09' }));
    expect(f?.statistics).toMatchObject({
      received: 6,
      resolved: stats.totals.resolved,
      reportId: run.reportId,
    });
    expect(await makeStatisticsReport(app.db, d.tenantId, run.reportId as string)).toBe('done');
    const pdf = await inTenant((tx) =>
      readStatisticsReport(tx, admin, { id: run.reportId as string, format: 'pdf' }),
    );
    expect(pdf.fileName).toBe('统计报表-2026年9月.pdf');
    const told = await inTenant((tx) => listNotifications(tx, admin));
    expect(told.items.filter((x) => x.kind === 'sweep.ready')).toEqual([
      expect.objectContaining({
        messageKey: 'notification.sweep_ready',
        params: { month: '2026-09', cases: 6 },
      }),
    ]);
  });

  it('files one review per month however often it runs', async () => {
    const again = await inTenant((tx) => sweepMonth(tx, { tenantId: d.tenantId, month: '2026-09' }));
    expect(again.created).toBe(false);
    expect(await inTenant((tx) => listSweepReviews(tx, admin))).toHaveLength(1);
  });

  it('lets a bureau admin mark a review reviewed once; station staff may not', async () => {
    const [review] = await inTenant((tx) => listSweepReviews(tx, admin));
    const head = await actorOf(app.db, d.tenantId, d.people.headA);
    await expect(inTenant((tx) => listSweepReviews(tx, head))).rejects.toThrow('auth.forbidden');
    const done = await inTenant((tx) =>
      markSweepReviewed(tx, admin, { id: review?.id as string, note: '工资类纠纷上升，已安排专项' }),
    );
    expect(done.status).toBe('reviewed');
    const twice = await inTenant((tx) => markSweepReviewed(tx, admin, { id: review?.id as string })).catch(
      (e: unknown) => e,
    );
    expect(twice).toBeInstanceOf(DomainError);
    expect((twice as DomainError).message).toBe('sweep.already_reviewed');
  });
});
