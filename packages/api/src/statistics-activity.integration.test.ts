import {
  compareActivityRollups,
  createReferral,
  intakeCase,
  recordPartnerConsent,
  recordReferralEvent,
  systemActor,
} from '@linju/core';
import {
  createTestDistrict,
  seededRandom,
  TEST_PASSWORD,
  TEST_SERVICE,
  type TestDistrict,
} from '@linju/core/testing';
import { withTenant } from '@linju/db';
import { pluginStatistics } from '@linju/plugins';
import { referralIdempotencyKey, referralWorkflowId } from '@linju/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

/**
 * The platform's activity measure — referral turnaround — kept in roll-ups by the changes themselves
 * (the referral effects the worker records) and equal to a full recount. The plugins' measures
 * (consultation minutes, legal-education events) are specified in their folders.
 */
const h = apiHarness();
let d: TestDistrict;
let admin: AppCaller;

beforeAll(async () => {
  d = await createTestDistrict(h.db, h.box, 'activity');
  ({ api: admin } = await h.signIn(d.slug, 'admin', TEST_PASSWORD, d.totpSecret));
});
afterAll(() => h.close());

const DAY = 86_400_000;

/** Sends a referral from a case at `unit` to the court on `sentAt`, and (maybe) has the court complete it. */
async function referral(unit: string, sentAt: Date, completeAfterDays: number | null, step: number) {
  const actor = systemActor(d.tenantId, '测试');
  const key = (id: string, n: number) => referralIdempotencyKey(referralWorkflowId(d.tenantId, id), n);
  const { referral: sent } = await withTenant(h.db, d.tenantId, async (tx) => {
    const c = await intakeCase(tx, actor, h.box, {
      channel: 'walk-in',
      organisationId: unit,
      serviceType: TEST_SERVICE,
      description: `转介序列第${step}件`,
      resident: { name: `居民${step}`, phone: `135${String(30_000_000 + step).slice(-8)}` },
    });
    await recordPartnerConsent(tx, actor, { caseId: c.id, partnerOrganisationId: d.organisations.court });
    return createReferral(
      tx,
      actor,
      h.box,
      { caseId: c.id, toOrganisationId: d.organisations.court, kind: 'transfer', summary: '移送法院' },
      { initialEffectKey: (id) => key(id, 1), now: sentAt },
    );
  });
  if (completeAfterDays === null) return null;
  const by = { party: 'receiver' as const, name: '书记员', role: 'partner-user' };
  const moves = [
    ['received', 'requested', 'received'],
    ['accepted', 'received', 'accepted'],
    ['in-progress', 'accepted', 'in-progress'],
    ['completed', 'in-progress', 'completed'],
  ] as const;
  for (const [i, [type, from, to]] of moves.entries()) {
    const last = i === moves.length - 1;
    await withTenant(h.db, d.tenantId, (tx) =>
      recordReferralEvent(tx, {
        tenantId: d.tenantId,
        referralId: sent.id,
        sequence: i + 2,
        type,
        from,
        to,
        at: new Date(sentAt.getTime() + (last ? completeAfterDays * DAY : (i + 1) * 3_600_000)).toISOString(),
        by,
        ...(last ? { outcome: { code: 'judgment', text: '已判决' } } : {}),
        idempotencyKey: key(sent.id, i + 2),
      }),
    );
  }
  return completeAfterDays * DAY;
}

describe('activity roll-ups', () => {
  it('equal a full recount after a random sequence of referrals, and read back on the dashboard', async () => {
    const { random, pick } = seededRandom(Number(process.env.ROLLUP_SEED ?? 20261123));
    const units = [
      d.organisations.centreId,
      d.organisations.stationA,
      d.organisations.stationB,
      d.organisations.roomA,
    ];
    // All of it within 2026 (sent from March to October, completed within 30 days).
    const inYear = () =>
      new Date(Date.UTC(2026, 2 + Math.floor(random() * 8), 1 + Math.floor(random() * 28), 3));
    const expected = { completed: 0, turnaroundMs: 0 };
    for (let step = 0; step < 14; step++) {
      const done = await referral(
        pick(units),
        inYear(),
        random() < 0.75 ? Math.floor(random() * 30) : null,
        step,
      );
      if (done !== null) {
        expected.completed += 1;
        expected.turnaroundMs += done;
      }
    }
    expect(expected.completed).toBeGreaterThan(3);

    expect(await withTenant(h.db, d.tenantId, (tx) => compareActivityRollups(tx, pluginStatistics))).toEqual(
      [],
    );

    const { activity } = await admin.statistics.get({ period: '2026' });
    expect(activity).toMatchObject({ referrals: { completed: expected.completed } });
    expect(activity?.referrals.averageTurnaroundDays).toBeCloseTo(
      expected.turnaroundMs / expected.completed / DAY,
      6,
    );
    expect(activity?.referrals.byPartnerKind.map((p) => p.key)).toEqual(['court']);
    // One service chosen: these figures are not a service's, so they are left out.
    expect((await admin.statistics.get({ period: '2026', serviceType: TEST_SERVICE })).activity).toBeNull();
  });
});
