import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, inArray, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ZodError } from 'zod';
import { type Actor, systemActor } from '../actor.ts';
import { changeCaseStatus, intakeCase } from '../cases/case-service.ts';
import { DomainError } from '../errors.ts';
import { closedCase } from '../testing/closed-case.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import {
  drawFileReviewSample,
  getFileReviewSample,
  listFileReviewSamples,
  recordFileReview,
} from './file-review-service.ts';
import { pickSample } from './random-sample.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let other: TestDistrict;
let bureau: Actor;
let headA: Actor;
let inspector: Actor;
const closedInStationA: string[] = [];
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { kind: error.kind, key: error.message, field: error.field };
    if (error instanceof ZodError)
      return { kind: 'bad-request', key: error.issues[0]?.message, field: error.issues[0]?.path.join('.') };
    throw error;
  }
  throw new Error('expected a refusal');
};
const MONTH = '2026-03';

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'file-review');
  other = await createTestDistrict(app.db, box, 'file-review-other');
  bureau = systemActor(d.tenantId, '司法局');
  headA = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
  inspector = {
    id: null,
    name: '评查员',
    tenantId: d.tenantId,
    grants: [{ role: 'inspector', organisationPath: '/' }],
  };
  await inTenant(async (tx) => {
    // Seven closed at station A and its room, one at station B, one withdrawn and one open at A.
    for (const organisationId of [d.organisations.stationA, d.organisations.roomA]) {
      for (let i = 0; i < (organisationId === d.organisations.roomA ? 2 : 5); i++)
        closedInStationA.push((await closedCase(tx, bureau, box, { organisationId })).id);
    }
    const elsewhere = await closedCase(tx, bureau, box, { organisationId: d.organisations.stationB });
    const withdrawn = await intakeCase(tx, bureau, box, {
      channel: 'walk-in',
      resident: { name: '居民', phone: '13700000009' },
      serviceType: TEST_SERVICE,
      description: '撤回的事项',
      organisationId: d.organisations.stationA,
    });
    await changeCaseStatus(tx, bureau, { caseId: withdrawn.id, status: 'withdrawn', reason: '群众撤回' });
    // They closed in March (the district's time): the fixture moves the closing date back.
    await tx
      .update(schema.legalCase)
      .set({ closedAt: new Date('2026-03-15T02:00:00Z') })
      .where(inArray(schema.legalCase.id, [...closedInStationA, elsewhere.id, withdrawn.id]));
    await intakeCase(tx, bureau, box, {
      channel: 'walk-in',
      resident: { name: '居民', phone: '13700000009' },
      serviceType: TEST_SERVICE,
      description: '仍在办理',
      organisationId: d.organisations.stationA,
    });
  });
});
afterAll(() => app.close());

describe('random file review (案卷评查)', () => {
  it('draws only closed cases of the unit and below, reproducibly from the stored seed', async () => {
    const seed = 'a1b2c3d4e5f60718';
    const sample = await inTenant((tx) =>
      drawFileReviewSample(tx, inspector, {
        organisationId: d.organisations.stationA,
        month: MONTH,
        size: 3,
        seed,
      }),
    );
    expect(sample).toMatchObject({ seed, size: 3, population: 7, drawnByName: '评查员' });
    const { reviews } = await inTenant((tx) => getFileReviewSample(tx, inspector, { id: sample.id }));
    const drawn = reviews.map((r) => r.caseId).sort();
    expect(drawn).toEqual(pickSample(seed, closedInStationA, 3).sort());
    for (const id of drawn) expect(closedInStationA).toContain(id);
    expect(
      await refusal(
        inTenant((tx) =>
          drawFileReviewSample(tx, inspector, {
            organisationId: d.organisations.stationA,
            month: MONTH,
            size: 3,
          }),
        ),
      ),
    ).toMatchObject({ kind: 'conflict', key: 'file_review.sample_exists' });
  });

  it('takes every closed file when fewer than asked, and a fresh seed when none is given', async () => {
    const sample = await inTenant((tx) =>
      drawFileReviewSample(tx, inspector, { organisationId: d.organisations.roomA, month: MONTH, size: 10 }),
    );
    expect(sample).toMatchObject({ size: 2, population: 2 });
    expect(sample.seed).toMatch(/^[0-9a-f]{32}$/);
  });

  it('records findings and a grade per file, and lists the samples with how many are reviewed', async () => {
    const [sample] = (await inTenant((tx) => listFileReviewSamples(tx, inspector))).filter(
      (s) => s.organisationId === d.organisations.stationA,
    );
    if (!sample) throw new Error('expected the station A sample');
    const { reviews } = await inTenant((tx) => getFileReviewSample(tx, inspector, { id: sample.id }));
    const [first, second] = reviews;
    if (!first || !second) throw new Error('expected reviews');
    await inTenant(async (tx) => {
      await recordFileReview(tx, inspector, {
        reviewId: first.id,
        grade: 'good',
        findings: '材料齐全，回访及时',
      });
      await recordFileReview(tx, inspector, { reviewId: second.id, grade: 'fail', findings: '缺少调解笔录' });
    });
    const listed = (await inTenant((tx) => listFileReviewSamples(tx, inspector))).find(
      (s) => s.id === sample.id,
    );
    expect(listed).toMatchObject({ reviewed: 2, failed: 1, size: 3 });
    expect(
      await refusal(
        inTenant((tx) =>
          recordFileReview(tx, inspector, { reviewId: first.id, grade: 'good', findings: '' }),
        ),
      ),
    ).toMatchObject({ key: 'file_review.findings_required' });
  });

  it('refuses a month not over, a unit with nothing closed, a station head, and another district', async () => {
    expect(
      await refusal(
        inTenant((tx) =>
          drawFileReviewSample(tx, inspector, {
            organisationId: d.organisations.stationA,
            month: '2999-01',
            size: 3,
          }),
        ),
      ),
    ).toMatchObject({ key: 'file_review.month_not_over' });
    expect(
      await refusal(
        inTenant((tx) =>
          drawFileReviewSample(tx, inspector, {
            organisationId: d.organisations.stationB,
            month: '2026-02',
            size: 3,
          }),
        ),
      ),
    ).toMatchObject({ key: 'file_review.nothing_closed' });
    expect(
      await refusal(
        inTenant((tx) =>
          drawFileReviewSample(tx, headA, {
            organisationId: d.organisations.stationB,
            month: MONTH,
            size: 3,
          }),
        ),
      ),
    ).toMatchObject({ kind: 'forbidden' });
    const otherInspector = systemActor(other.tenantId, '乙区');
    expect(
      await withTenant(app.db, other.tenantId, (tx) => listFileReviewSamples(tx, otherInspector)),
    ).toEqual([]);
    expect(
      await refusal(
        withTenant(app.db, other.tenantId, (tx) =>
          drawFileReviewSample(tx, otherInspector, {
            organisationId: d.organisations.stationA,
            month: MONTH,
            size: 3,
          }),
        ),
      ),
    ).toMatchObject({ kind: 'not-found' });
    const rows = await inTenant((tx) =>
      tx
        .select()
        .from(schema.fileReviewSample)
        .where(eq(schema.fileReviewSample.organisationId, d.organisations.stationA)),
    );
    expect(rows).toHaveLength(1);
  });
});
