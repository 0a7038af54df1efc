import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, schema, sql, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import { type Actor, systemActor } from '../actor.ts';
import { setServiceEnabled } from '../catalogue/catalogue-service.ts';
import { DomainError } from '../errors.ts';
import { backfillRollups } from '../statistics/backfill-rollups.ts';
import { foldCaseRollups } from '../statistics/fold-rollups.ts';
import { compareRollups } from '../statistics/rollup-recount.ts';
import { getStatistics, parsePeriod } from '../statistics/statistics-query.ts';
import { importHotlineNow } from '../testing/hotline-import-now.ts';
import { seededRandom } from '../testing/seeded-random.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { SECOND_TEST_SERVICE, TEST_SERVICE } from '../testing/test-service.ts';
import {
  changeCaseStatus,
  intakeCase,
  setWaitingForResident,
  transferCase,
  triageCase,
} from './case-service.ts';
import { recordResidentFeedback, recordSatisfaction } from './resident-feedback.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let admin: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);

const SERVICES: Record<string, string[]> = {
  [TEST_SERVICE]: ['neighbours', 'family', 'property-management'],
  [SECOND_TEST_SERVICE]: ['labour', 'debts'],
};

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'rollups');
  admin = systemActor(d.tenantId, 'test admin');
  await inTenant((tx) =>
    setServiceEnabled(
      tx,
      admin,
      { organisationId: d.organisations.centreId, pluginId: SECOND_TEST_SERVICE, enabled: true },
      [TEST_SERVICE, SECOND_TEST_SERVICE],
    ),
  );
});
afterAll(() => app.close());
const owner = connect(inject('ownerDatabaseUrl'));
afterAll(() => owner.close());

/** Runs a change; a refusal (invalid for the case's state) is part of the sequence, not a failure. */
async function attempt(fn: (tx: TenantTx) => Promise<unknown>) {
  try {
    await inTenant(fn);
    return true;
  } catch (error) {
    if (error instanceof DomainError || error instanceof ZodError) return false;
    throw error;
  }
}

describe('roll-ups kept by the case changes', () => {
  it('equal a full recount after a random sequence of intakes, triage, transfers, status moves, feedback, ratings and withdrawals', async () => {
    const seed = Number(process.env.ROLLUP_SEED ?? 20261122);
    const { random, pick } = seededRandom(seed);
    const units = [
      d.organisations.centreId,
      d.organisations.stationA,
      d.organisations.stationB,
      d.organisations.roomA,
    ];
    const caseIds: string[] = [];
    let applied = 0;
    for (let step = 0; step < 400; step++) {
      // Mostly the latest few cases, so sequences run long enough to reach feedback and closing.
      const c = caseIds.length === 0 ? null : random() < 0.8 ? pick(caseIds.slice(-4)) : pick(caseIds);
      const op =
        caseIds.length < 5
          ? 'intake'
          : pick([
              'intake',
              'intake',
              'triage',
              'transfer',
              'progress',
              'resolve',
              'resolve',
              'reopen',
              'feedback',
              'rate',
              'close',
              'withdraw',
              'reject',
              'wait',
            ] as const);
      const ok = await attempt(async (tx) => {
        if (op === 'intake' || !c) {
          const service = pick([TEST_SERVICE, 'undecided']);
          const daysAgo = Math.floor(random() * 120);
          const created = await intakeCase(tx, admin, box, {
            channel: pick(schema.CASE_CHANNELS),
            organisationId: pick(units),
            serviceType: service,
            category:
              service === TEST_SERVICE && random() < 0.7 ? pick(SERVICES[TEST_SERVICE] as string[]) : null,
            description: `随机序列第 ${step} 步的事项`,
            receivedAt: new Date(Date.now() - daysAgo * 86_400_000 - Math.floor(random() * 86_400_000)),
            resident: {
              name: `居民${step}`,
              phone: `137${String(10_000_000 + step).slice(-8)}`,
              keyGroups: schema.KEY_GROUPS.filter(() => random() < 0.25),
            },
          });
          caseIds.push(created.id);
          return;
        }
        const caseId = c;
        switch (op) {
          case 'triage': {
            const service = pick(Object.keys(SERVICES));
            return triageCase(tx, admin, {
              caseId,
              serviceType: service,
              category: random() < 0.8 ? pick(SERVICES[service] as string[]) : null,
            });
          }
          case 'transfer':
            return transferCase(tx, admin, { caseId, organisationId: pick(units), reason: '属地管辖' });
          case 'progress':
            return changeCaseStatus(tx, admin, { caseId, status: 'in-progress' });
          case 'resolve':
            return changeCaseStatus(tx, admin, { caseId, status: 'resolved' });
          case 'reopen':
            return changeCaseStatus(tx, admin, { caseId, status: 'in-progress' });
          case 'close':
            return changeCaseStatus(tx, admin, { caseId, status: 'closed' });
          case 'withdraw':
            return changeCaseStatus(tx, admin, { caseId, status: 'withdrawn', reason: '当事人撤回' });
          case 'reject':
            return changeCaseStatus(tx, admin, { caseId, status: 'rejected', reason: '不属于受理范围' });
          case 'feedback':
            return recordResidentFeedback(tx, admin, { caseId, summary: '已电话告知处理结果' });
          case 'rate':
            return recordSatisfaction(tx, admin, { caseId, score: 1 + Math.floor(random() * 5) });
          case 'wait':
            return setWaitingForResident(tx, admin, { caseId, waiting: random() < 0.6 });
        }
      });
      if (ok) applied += 1;
      // The worker folds the pending changes whenever it gets to them: now and then between changes.
      if (step % 7 === 3) await inTenant(foldCaseRollups);
      if (step % 10 === 9) expect(await inTenant(compareRollups), `seed ${seed}, step ${step}`).toEqual([]);
    }
    expect(applied).toBeGreaterThan(120);
    expect(await inTenant(compareRollups), `seed ${seed}`).toEqual([]);
    // The sequence reached every measure, so the comparison above covered them all.
    const all = await inTenant((tx) =>
      getStatistics(tx, admin, { period: String(new Date().getFullYear()) }),
    );
    for (const measure of ['received', 'resolved', 'closed', 'ended', 'feedback', 'rated'] as const) {
      expect(all.totals[measure], measure).toBeGreaterThan(0);
    }
  }, 120_000);

  it('counts a 12345 import, whose roll-up changes are summed in memory and written once', async () => {
    const before = await inTenant((tx) => getStatistics(tx, admin, { period: '2026-03' }));
    const csv = [
      '工单编号,受理时间,来电人,联系电话,诉求内容,问题分类,紧急程度',
      ...Array.from(
        { length: 30 },
        (_, i) =>
          `RU${i},2026-03-0${(i % 9) + 1} 10:00,市民${i},1390000${String(i).padStart(4, '0')},物业纠纷,物业,一般`,
      ),
    ].join('\n');
    const head = await actorOf(app.db, d.tenantId, d.people.headA);
    // In batches of 7: each batch's roll-up changes are summed and written with it.
    const report = await importHotlineNow(
      app.db,
      head,
      box,
      { organisationId: d.organisations.stationA, file: csv },
      { batchRows: 7 },
    );
    expect(report.imported).toBe(30);
    const after = await inTenant((tx) => getStatistics(tx, admin, { period: '2026-03' }));
    expect(after.totals.received - before.totals.received).toBe(30);
    expect(after.byChannel.find((c) => c.key === 'hotline-12345')?.received).toBeGreaterThanOrEqual(30);
    expect(await inTenant(compareRollups)).toEqual([]);
  });

  it('are appended as pending changes that a fold moves into the roll-ups without changing a figure', async () => {
    const year = String(new Date().getFullYear());
    const pending = () => inTenant(async (tx) => (await tx.select().from(schema.caseRollupPending)).length);
    await inTenant(foldCaseRollups);
    const before = await inTenant((tx) => getStatistics(tx, admin, { period: year }));
    const taken = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        inTenant((tx) =>
          intakeCase(tx, admin, box, {
            channel: 'walk-in',
            organisationId: d.organisations.stationA,
            serviceType: TEST_SERVICE,
            description: `折叠前的第 ${i} 件`,
            resident: { name: `居民折叠${i}`, phone: `136${String(10_000_000 + i).slice(-8)}` },
          }),
        ),
      ),
    );
    expect(await pending()).toBeGreaterThan(0);
    const unfolded = await inTenant((tx) => getStatistics(tx, admin, { period: year }));
    expect(unfolded.totals.received - before.totals.received).toBe(taken.length);
    // Two workers folding at once: each change is added once.
    const folds = await Promise.all([inTenant(foldCaseRollups), inTenant(foldCaseRollups)]);
    expect(folds[0].folded + folds[1].folded).toBeGreaterThan(0);
    expect(await pending()).toBe(0);
    expect(await inTenant((tx) => getStatistics(tx, admin, { period: year }))).toEqual(unfolded);
    expect(await inTenant(compareRollups)).toEqual([]);
  });

  it('counts cases taken in before the roll-ups existed, once, when backfilled', async () => {
    const [{ n } = { n: 0 }] = await inTenant((tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from "case"`),
    );
    // As if the roll-ups had just been added: no tallies, no roll-ups (the owner, past RLS).
    await owner.db.execute(sql`delete from case_tally where tenant_id = ${d.tenantId}`);
    await owner.db.execute(sql`delete from case_rollup where tenant_id = ${d.tenantId}`);
    await owner.db.execute(sql`delete from case_rollup_pending where tenant_id = ${d.tenantId}`);
    expect(await backfillRollups(app.db, d.tenantId, [], 40)).toBe(n);
    expect(await inTenant(compareRollups)).toEqual([]);
    expect(await backfillRollups(app.db, d.tenantId, [])).toBe(0);
  });
});

describe('statistics.get', () => {
  it('answers the district, a unit’s subtree and one service, and refuses a station head the district', async () => {
    const year = String(new Date().getFullYear());
    const district = await inTenant((tx) => getStatistics(tx, admin, { period: year }));
    const centre = await inTenant((tx) =>
      getStatistics(tx, admin, { period: year, organisationId: d.organisations.centreId }),
    );
    // The centre's subtree is the whole tree: the same figures.
    expect(centre.totals).toEqual(district.totals);
    // Units one level down, plus the centre's own cases, add up to the district.
    expect(district.byOrganisation.reduce((n, u) => n + u.received, 0)).toBe(district.totals.received);
    expect(district.byService.reduce((n, s) => n + s.received, 0)).toBe(district.totals.received);
    expect(district.byChannel.reduce((n, s) => n + s.resolved, 0)).toBe(district.totals.resolved);
    expect(district.byMonth.reduce((n, m) => n + m.received, 0)).toBe(district.totals.received);
    const stationA = district.byOrganisation.find((u) => u.organisationId === d.organisations.stationA);
    const station = await inTenant((tx) =>
      getStatistics(tx, admin, { period: year, organisationId: d.organisations.stationA }),
    );
    expect(station.totals.received).toBe(stationA?.received ?? 0);
    const oneService = await inTenant((tx) =>
      getStatistics(tx, admin, { period: year, serviceType: TEST_SERVICE }),
    );
    expect(oneService.totals.received).toBe(district.byService.find((s) => s.key === TEST_SERVICE)?.received);
    expect(oneService.byCategory.every((c) => c.key.startsWith(`${TEST_SERVICE}:`))).toBe(true);

    const head = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
    await expect(inTenant((tx) => getStatistics(tx, head, { period: year }))).rejects.toMatchObject({
      message: 'auth.forbidden',
    });
    await expect(
      inTenant((tx) => getStatistics(tx, head, { period: year, organisationId: d.organisations.stationB })),
    ).rejects.toMatchObject({ message: 'auth.forbidden' });
    const own = await inTenant((tx) =>
      getStatistics(tx, head, { period: year, organisationId: d.organisations.stationA }),
    );
    expect(own.totals).toEqual(station.totals);
    const desk = await actorOf(app.db, d.tenantId, d.people.deskA, '前台甲');
    await expect(
      inTenant((tx) => getStatistics(tx, desk, { period: year, organisationId: d.organisations.stationA })),
    ).rejects.toMatchObject({ message: 'auth.forbidden' });
  });

  it('reads months, quarters and years', () => {
    expect(parsePeriod('2026-03')).toMatchObject({ kind: 'month', from: '2026-03-01', to: '2026-04-01' });
    expect(parsePeriod('2026-Q4')).toMatchObject({ kind: 'quarter', from: '2026-10-01', to: '2027-01-01' });
    expect(parsePeriod('2026').months).toHaveLength(12);
  });
});
