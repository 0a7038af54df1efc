import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import { type Actor, systemActor } from '../actor.ts';
import { changeCaseStatus, intakeCase } from '../cases/case-service.ts';
import { recordResidentFeedback, recordSatisfaction } from '../cases/resident-feedback.ts';
import { DomainError } from '../errors.ts';
import { addDutySlot, setThemedDay } from '../rosters/roster-service.ts';
import { createStaffMember } from '../staff/staff-service.ts';
import { periodInChinese } from '../statistics/statistics-query.ts';
import { readXlsxTable } from '../tabular-import/xlsx-table.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { saveInspectionChecklist } from './inspection-checklist.ts';
import { quarterOf, recordInspection } from './inspection-service.ts';
import { exportScorecardXlsx } from './scorecard-export.ts';
import { DEFAULT_SATISFACTION_GRADING, defaultSatisfactionGrading } from './scorecard-formula.ts';
import {
  getScorecard,
  getScorecardSettings,
  publishScorecard,
  setScorecardSettings,
} from './scorecard-service.ts';
import type { ScorecardSettingsRequest } from './scorecard-settings.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let other: TestDistrict;
let admin: Actor;
let headA: Actor;
let deskA: Actor;
let inspector: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>, tenantId = d.tenantId) =>
  withTenant(app.db, tenantId, fn);
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, key: error.message };
    if (error instanceof ZodError) return { kind: 'bad-request', key: error.issues[0]?.message };
    throw error;
  }
  throw new Error('expected a refusal');
};

/** Today in the district's time zone: the roll-ups count cases in the months of Asia/Shanghai. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
const quarter = quarterOf(today);

/** A matter at a unit taken all the way to the resident's rating, through the real case services. */
async function ratedCase(organisationId: string, score: number | null, resolve = true) {
  await inTenant(async (tx) => {
    const c = await intakeCase(tx, admin, box, {
      channel: 'walk-in',
      resident: { name: '考核居民', phone: '13700000000' },
      serviceType: TEST_SERVICE,
      description: '邻里噪音纠纷',
      organisationId,
    });
    if (!resolve) return;
    await changeCaseStatus(tx, admin, { caseId: c.id, status: 'in-progress' });
    await changeCaseStatus(tx, admin, { caseId: c.id, status: 'resolved' });
    if (score === null) return;
    await recordResidentFeedback(tx, admin, { caseId: c.id, summary: '已当面告知调解结果' });
    await recordSatisfaction(tx, admin, { caseId: c.id, score });
  });
}

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'scorecards');
  other = await createTestDistrict(app.db, box, 'scorecards-other');
  admin = await actorOf(app.db, d.tenantId, await adminId(d.tenantId), '管理员');
  headA = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
  deskA = await actorOf(app.db, d.tenantId, d.people.deskA, '前台甲');
  const inspectorId = await inTenant(
    async (tx) =>
      (
        await createStaffMember(tx, systemActor(d.tenantId, 'test'), {
          username: 'inspector-s',
          displayName: '检查组 李',
          organisationId: d.organisations.centreId,
          password: TEST_PASSWORD,
          roles: [{ role: 'inspector', organisationId: d.organisations.centreId }],
          mustChangePassword: false,
        })
      ).id,
  );
  inspector = await actorOf(app.db, d.tenantId, inspectorId, '检查组 李');

  // Station A's quarter, known by construction. Roster: Monday–Wednesday at its room, and a
  // Saturday (not a weekday duty) at the station → 3 of 5 weekdays.
  for (const [organisationId, weekday] of [
    [d.organisations.roomA, 1],
    [d.organisations.roomA, 2],
    [d.organisations.stationA, 3],
    [d.organisations.stationA, 3],
    [d.organisations.stationA, 6],
  ] as const)
    await inTenant((tx) =>
      addDutySlot(tx, admin, {
        organisationId,
        weekday,
        startsAt: '09:00',
        endsAt: '11:00',
        serviceType: TEST_SERVICE,
        personName: '值班律师',
      }),
    );
  // One themed day this month → 1 of 3 months.
  await inTenant((tx) =>
    setThemedDay(tx, admin, {
      organisationId: d.organisations.roomA,
      day: `${today.slice(0, 7)}-01`,
      theme: '民法典宣传',
    }),
  );
  // One inspection of its room this quarter: 40 of 50 → 0.8.
  const checklist = await inTenant((tx) =>
    saveInspectionChecklist(tx, inspector, {
      title: '检查表',
      sections: [{ title: '综合', items: [{ text: '综合评价', maxScore: 50 }] }],
    }),
  );
  await inTenant((tx) =>
    recordInspection(tx, inspector, {
      organisationId: d.organisations.roomA,
      checklistId: checklist.id,
      inspectedOn: today,
      inspectorIds: [inspector.id ?? ''],
      scores: [{ itemId: '1.1', score: 40 }],
    }),
  );
  // Cases: four received (one at the room), three resolved on time, rated 5, 5 and 2.
  await ratedCase(d.organisations.stationA, 5);
  await ratedCase(d.organisations.roomA, 5);
  await ratedCase(d.organisations.stationA, 2);
  await ratedCase(d.organisations.stationA, null, false);
});
afterAll(() => app.close());

async function adminId(tenantId: string) {
  return withTenant(app.db, tenantId, async (tx) => {
    const [row] = await tx
      .select({ id: schema.staffMember.id })
      .from(schema.staffMember)
      .where(eq(schema.staffMember.username, 'admin'));
    return row?.id ?? '';
  });
}

describe('station scorecards (站点考核)', () => {
  it('uses 20 basic + 60 outcome + 20 satisfaction and the default grading until the district sets its own', async () => {
    expect(await inTenant(getScorecardSettings)).toEqual({
      weights: { basic: 20, outcome: 60, satisfaction: 20 },
      grading: {
        A: { from: 95, points: 20 },
        B: { from: 90, points: 17 },
        C: { from: 80, points: 14 },
        D: { points: 10 },
      },
    });
  });

  it("scores each station's quarter from the platform's data exactly as worked out by hand", async () => {
    const { live, published } = await inTenant((tx) => getScorecard(tx, admin, { quarter }));
    expect(published).toBeNull();
    const [a, b] = live ?? [];
    // Basic: roster 3/5, themed days 1/3, inspection 40/50 → mean 0.57778 × 20 = 11.56.
    // Outcome: resolved 3/4 = 0.75, on time 3/3 = 1 → 0.875 × 60 = 52.5.
    // Satisfaction: 2 of 3 ratings satisfied (0.667 → grade D, half the points) → 10.
    expect(a).toMatchObject({
      organisationId: d.organisations.stationA,
      rank: 1,
      total: 74.06,
      basic: { points: 11.56, rosterCoverage: 0.6, themedDayMonths: 1, inspections: 1, inspectionScore: 0.8 },
      outcome: {
        points: 52.5,
        received: 4,
        resolved: 3,
        resolvedOnTime: 3,
        resolutionRate: 0.75,
        onTimeRate: 1,
      },
      satisfaction: { points: 10, rated: 3, satisfied: 2, grade: 'D' },
    });
    expect(a?.satisfaction.rate).toBeCloseTo(2 / 3, 10);
    expect(b).toMatchObject({ organisationId: d.organisations.stationB, rank: 2, total: 0 });
  });

  it('takes the weights the district sets, which must add up to 100, with a grading within them', async () => {
    const settings = (weights: { basic: number; outcome: number; satisfaction: number }) =>
      ({ ...weights, grading: defaultSatisfactionGrading(weights.satisfaction) }) as ScorecardSettingsRequest;
    expect(
      await refusal(
        inTenant((tx) =>
          setScorecardSettings(tx, admin, settings({ basic: 30, outcome: 60, satisfaction: 20 })),
        ),
      ),
    ).toEqual({ kind: 'bad-request', key: 'scorecard.weights_sum' });
    expect(
      await refusal(
        inTenant((tx) =>
          setScorecardSettings(tx, admin, settings({ basic: -10, outcome: 110, satisfaction: 0 })),
        ),
      ),
    ).toEqual({ kind: 'bad-request', key: 'scorecard.weight_invalid' });
    // Satisfaction set to 0 while the grades still earn up to 20 points.
    expect(
      await refusal(
        inTenant((tx) =>
          setScorecardSettings(tx, admin, {
            basic: 20,
            outcome: 80,
            satisfaction: 0,
            grading: DEFAULT_SATISFACTION_GRADING,
          }),
        ),
      ),
    ).toEqual({ kind: 'bad-request', key: 'scorecard.grade_points_over_weight' });
    expect(
      await refusal(
        inTenant((tx) =>
          setScorecardSettings(tx, inspector, settings({ basic: 20, outcome: 80, satisfaction: 0 })),
        ),
      ),
    ).toMatchObject({ kind: 'forbidden' });
    await inTenant((tx) =>
      setScorecardSettings(tx, admin, settings({ basic: 20, outcome: 80, satisfaction: 0 })),
    );
    const { live, grading } = await inTenant((tx) => getScorecard(tx, admin, { quarter }));
    // 11.56 + 0.875 × 80 + 0.
    expect(live?.[0]).toMatchObject({ total: 81.56, outcome: { points: 70 }, satisfaction: { points: 0 } });
    expect(grading.A).toEqual({ from: 95, points: 0 });
    const [audit] = await inTenant((tx) =>
      tx.select().from(schema.auditEntry).where(eq(schema.auditEntry.action, 'scorecard.settings_set')),
    );
    expect(audit?.after).toMatchObject({ weights: { satisfaction: 0 }, grading: { D: { points: 0 } } });
  });

  it('lets the database refuse a grading out of order even when the service is bypassed', async () => {
    const error = await inTenant((tx) => tx.update(schema.scorecardSetting).set({ gradeBFrom: 99 })).catch(
      (e: unknown) => e,
    );
    expect(String((error as Error).cause ?? error)).toContain('scorecard_setting_grade_thresholds');
  });

  it('publishes a snapshot once; later cases move the live figures, never the published ones', async () => {
    const published = await inTenant((tx) => publishScorecard(tx, admin, { quarter }));
    expect(published.weights).toEqual({ basic: 20, outcome: 80, satisfaction: 0 });
    expect(published.grading).toEqual(defaultSatisfactionGrading(0));
    await ratedCase(d.organisations.stationA, 5);
    const after = await inTenant((tx) => getScorecard(tx, admin, { quarter }));
    expect(after.live?.[0]?.outcome.received).toBe(5);
    expect(after.published?.rows[0]).toMatchObject({ total: 81.56, outcome: { received: 4 } });
    expect(await refusal(inTenant((tx) => publishScorecard(tx, admin, { quarter })))).toEqual({
      kind: 'conflict',
      key: 'scorecard.already_published',
    });
    expect(await refusal(inTenant((tx) => publishScorecard(tx, inspector, { quarter })))).toMatchObject({
      kind: 'forbidden',
    });
  });

  it('recomputes the live scorecard with a new grading and leaves the published snapshot as it was', async () => {
    // Station A: 3 of 4 ratings satisfied now (75 %) — a D by the default bands.
    await inTenant((tx) =>
      setScorecardSettings(tx, admin, {
        basic: 20,
        outcome: 60,
        satisfaction: 20,
        grading: DEFAULT_SATISFACTION_GRADING,
      }),
    );
    const before = await inTenant((tx) => getScorecard(tx, admin, { quarter }));
    expect(before.live?.[0]?.satisfaction).toMatchObject({ rated: 4, satisfied: 3, grade: 'D', points: 10 });
    const lenient = {
      A: { from: 90, points: 20 },
      B: { from: 75, points: 18.5 },
      C: { from: 50, points: 12 },
      D: { points: 5 },
    };
    await inTenant((tx) =>
      setScorecardSettings(tx, admin, { basic: 20, outcome: 60, satisfaction: 20, grading: lenient }),
    );
    const after = await inTenant((tx) => getScorecard(tx, admin, { quarter }));
    // 75 % reaches the lenient B exactly: 18.5 points instead of 10, and the total moves by 8.5.
    expect(after.grading).toEqual(lenient);
    expect(after.live?.[0]?.satisfaction).toMatchObject({ grade: 'B', points: 18.5 });
    expect((after.live?.[0]?.total ?? 0) - (before.live?.[0]?.total ?? 0)).toBeCloseTo(8.5, 10);
    // The snapshot keeps the weights and grading it was computed with, and its figures.
    expect(after.published).toEqual(before.published);
    expect(after.published?.grading).toEqual(defaultSatisfactionGrading(0));
    expect(after.published?.rows[0]).toMatchObject({ total: 81.56, satisfaction: { grade: 'D', points: 0 } });
  });

  it('exports the ranking as XLSX with the very figures, weights and grading of the scorecard', async () => {
    const scorecard = await inTenant((tx) => getScorecard(tx, admin, { quarter }));
    for (const version of ['live', 'published'] as const) {
      const file = await inTenant((tx) => exportScorecardXlsx(tx, admin, { quarter, version }));
      const rows = await readXlsxTable(Buffer.from(file.contentBase64, 'base64'));
      const header = rows.findIndex((r) => r[0] === '名次');
      expect(rows[header]?.slice(0, 6)).toEqual([
        '名次',
        '工作站',
        '总分',
        '基础工作得分',
        '工作成效得分',
        '满意度得分',
      ]);
      const expected = version === 'live' ? (scorecard.live ?? []) : (scorecard.published?.rows ?? []);
      const table = rows.slice(header + 1, header + 1 + expected.length);
      expect(table.map((r) => r.slice(0, 6).map((cell, i) => (i === 1 ? cell : Number(cell))))).toEqual(
        expected.map((r) => [
          r.rank,
          r.nameZh,
          r.total,
          r.basic.points,
          r.outcome.points,
          r.satisfaction.points,
        ]),
      );
      const [a] = expected;
      const rowA = table[0] ?? [];
      expect(Number(rowA[6])).toBe(a?.basic.rosterCoverage);
      expect(Number(rowA[9])).toBe(a?.basic.inspectionScore);
      expect(rowA.slice(10, 13).map(Number)).toEqual([
        a?.outcome.received,
        a?.outcome.resolved,
        a?.outcome.resolvedOnTime,
      ]);
      expect(Number(rowA[17])).toBeCloseTo(a?.satisfaction.rate ?? -1, 10);
      expect(rowA[18]).toBe(a?.satisfaction.grade);
      // A station without cases has nothing to measure: its rates are empty cells, not zero.
      expect(table[1]?.[14]).toBe('');
      expect(table[1]?.[18]).toBe('未评级');
      const weights = version === 'live' ? scorecard.weights : scorecard.published?.weights;
      const grading = version === 'live' ? scorecard.grading : scorecard.published?.grading;
      const at = (label: string) => rows.findIndex((r) => r[0] === label);
      expect(rows[at('权重（分）') + 2]?.map(Number)).toEqual([
        weights?.basic,
        weights?.outcome,
        weights?.satisfaction,
      ]);
      expect(rows.slice(at('满意度分级') + 2, at('满意度分级') + 6)).toEqual([
        ['A', String(grading?.A.from), String(grading?.A.points)],
        ['B', String(grading?.B.from), String(grading?.B.points)],
        ['C', String(grading?.C.from), String(grading?.C.points)],
        ['D', '低于 C 级', String(grading?.D.points)],
      ]);
    }
    const forHead = await inTenant((tx) => exportScorecardXlsx(tx, headA, { quarter, version: 'published' }));
    expect(forHead.fileName).toBe(`站点考核-${periodInChinese(quarter)}.xlsx`);
    expect(
      await refusal(inTenant((tx) => exportScorecardXlsx(tx, headA, { quarter, version: 'live' }))),
    ).toEqual({
      kind: 'not-found',
      key: 'scorecard.live_not_available',
    });
    expect(
      await refusal(
        inTenant((tx) => exportScorecardXlsx(tx, admin, { quarter: '2020-Q1', version: 'published' })),
      ),
    ).toEqual({ kind: 'not-found', key: 'scorecard.not_published' });
  });

  it('shows station heads the published scorecard only, and desk officers nothing', async () => {
    const forHead = await inTenant((tx) => getScorecard(tx, headA, { quarter }));
    expect(forHead.live).toBeNull();
    expect(forHead.published?.rows.length).toBe(2);
    expect(await refusal(inTenant((tx) => getScorecard(tx, deskA, { quarter })))).toMatchObject({
      kind: 'forbidden',
    });
    expect(await refusal(inTenant((tx) => getScorecard(tx, admin, { quarter: '2026-Q5' })))).toEqual({
      kind: 'bad-request',
      key: 'inspection.quarter_invalid',
    });
  });

  it("keeps districts apart: another district's scorecard has only its own stations and weights", async () => {
    const otherAdmin = systemActor(other.tenantId, 'other district');
    const theirs = await inTenant((tx) => getScorecard(tx, otherAdmin, { quarter }), other.tenantId);
    expect(theirs.weights).toEqual({ basic: 20, outcome: 60, satisfaction: 20 });
    expect(theirs.grading).toEqual(DEFAULT_SATISFACTION_GRADING);
    expect(theirs.published).toBeNull();
    expect(theirs.live?.map((r) => r.organisationId).sort()).toEqual(
      [other.organisations.stationA, other.organisations.stationB].sort(),
    );
    expect(theirs.live?.every((r) => r.total === 0)).toBe(true);
  });
});
