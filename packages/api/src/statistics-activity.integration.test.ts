import {
  compareActivityRollups,
  createReferral,
  intakeCase,
  recordPartnerConsent,
  recordReferralEvent,
  systemActor,
} from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, type TestDistrict } from '@linju/core/testing';
import { schema, withTenant } from '@linju/db';
import { pluginStatistics } from '@linju/plugins';
import { referralIdempotencyKey, referralWorkflowId } from '@linju/workflows';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppCaller } from './router.ts';
import { apiHarness } from './test-context.ts';

/**
 * The statistics' other measures — referral turnaround, consultation and hotline minutes,
 * legal-education events and attendance — kept in roll-ups by the changes themselves (through the
 * real procedures and the referral effects the worker records) and equal to a full recount.
 */
const h = apiHarness();
let d: TestDistrict;
let admin: AppCaller;

/** mulberry32: a small seeded PRNG, so a failing sequence can be replayed from its seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

beforeAll(async () => {
  d = await createTestDistrict(h.db, h.box, 'activity');
  ({ api: admin } = await h.signIn(d.slug, 'admin', TEST_PASSWORD, d.totpSecret));
  await admin.catalogue.setEnabled({
    organisationId: d.organisations.centreId,
    pluginId: 'consultation',
    enabled: true,
  });
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
      serviceType: 'mediation',
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
  it('equal a full recount after a random sequence of referrals, consultations, events and corrected events, and read back on the dashboard', async () => {
    const random = prng(Number(process.env.ROLLUP_SEED ?? 20261123));
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
    const units = [
      d.organisations.centreId,
      d.organisations.stationA,
      d.organisations.stationB,
      d.organisations.roomA,
    ];
    // All of it within 2026 (sent from March to October, completed within 30 days).
    const inYear = () =>
      new Date(Date.UTC(2026, 2 + Math.floor(random() * 8), 1 + Math.floor(random() * 28), 3));
    const expected = {
      completed: 0,
      turnaroundMs: 0,
      consultations: 0,
      minutes: 0,
      hotline: 0,
      events: 0,
      attendance: 0,
    };
    const events: { id: string; organisationId: string; title: string; attendance: number }[] = [];
    let corrections = 0;
    for (let step = 0; step < 40; step++) {
      const op = pick([
        'referral',
        'referral',
        'consultation',
        'consultation',
        'event',
        'correction',
      ] as const);
      const unit = pick(units);
      if (op === 'referral') {
        const done = await referral(unit, inYear(), random() < 0.75 ? Math.floor(random() * 30) : null, step);
        if (done !== null) {
          expected.completed += 1;
          expected.turnaroundMs += done;
        }
      } else if (op === 'consultation') {
        const channel = pick(['walk-in', 'hotline', 'online'] as const);
        const minutes = 1 + Math.floor(random() * 60);
        const c = await admin.case.create({
          channel: channel === 'hotline' ? 'hotline-12348' : 'walk-in',
          resident: { name: `咨询人${step}`, phone: `136${String(40_000_000 + step).slice(-8)}` },
          serviceType: 'consultation',
          category: 'debts',
          description: '借款纠纷咨询',
          organisationId: unit,
          form: { topic: '民间借贷', channel, question: '朋友借钱不还，没有借条只有转账记录，怎么办？' },
        });
        await admin.consultation.createLog({
          caseId: c.id,
          channel,
          topic: '民间借贷',
          adviserName: '顾问律师',
          heldAt: inYear().toISOString(),
          durationMinutes: minutes,
          answer: '转账记录可以作为借贷关系的证据，建议先催告再起诉',
        });
        expected.consultations += 1;
        expected.minutes += minutes;
        if (channel === 'hotline') expected.hotline += minutes;
      } else if (op === 'correction' && events.length > 0) {
        // Attendance counted afterwards, the type or the month put right: the event moves.
        const event = pick(events);
        const attendance = Math.floor(random() * 200);
        await admin['legal-education'].updateEvent({
          id: event.id,
          organisationId: event.organisationId,
          heldOn: inYear().toISOString().slice(0, 10),
          eventType: pick(['lecture', 'campaign'] as const),
          theme: 'constitution',
          title: event.title,
          venue: '居民区广场',
          audience: '居民',
          attendance,
        });
        expected.attendance += attendance - event.attendance;
        event.attendance = attendance;
        corrections += 1;
      } else {
        const attendance = Math.floor(random() * 200);
        const created = await admin['legal-education'].recordEvent({
          organisationId: unit,
          heldOn: inYear().toISOString().slice(0, 10),
          eventType: pick(['lecture', 'campaign'] as const),
          theme: 'constitution',
          title: `宪法宣传第${step}场`,
          venue: '居民区广场',
          audience: '居民',
          attendance,
        });
        events.push({ id: created.id, organisationId: unit, title: created.title, attendance });
        expected.events += 1;
        expected.attendance += attendance;
      }
    }
    expect(expected.completed).toBeGreaterThan(3);
    expect(expected.consultations).toBeGreaterThan(3);
    expect(expected.events).toBeGreaterThan(2);
    expect(corrections).toBeGreaterThan(0);

    expect(await withTenant(h.db, d.tenantId, (tx) => compareActivityRollups(tx, pluginStatistics))).toEqual(
      [],
    );

    const { activity } = await admin.statistics.get({ period: '2026' });
    expect(activity).toMatchObject({
      referrals: { completed: expected.completed },
      consultations: {
        count: expected.consultations,
        minutes: expected.minutes,
        hotlineMinutes: expected.hotline,
      },
      education: { events: expected.events, attendance: expected.attendance },
    });
    expect(activity?.referrals.averageTurnaroundDays).toBeCloseTo(
      expected.turnaroundMs / expected.completed / DAY,
      6,
    );
    expect(activity?.referrals.byPartnerKind.map((p) => p.key)).toEqual(['court']);
    // A unit's subtree reads its units' rows: station A and its room.
    const stationA = await admin.statistics.get({ period: '2026', organisationId: d.organisations.stationA });
    const district = await withTenant(h.db, d.tenantId, (tx) => tx.select().from(schema.activityRollup));
    const own = district
      .filter(
        (r) => r.organisationId === d.organisations.stationA || r.organisationId === d.organisations.roomA,
      )
      .filter((r) => r.measure === 'education-event');
    expect(stationA.activity?.education.attendance).toBe(own.reduce((s, r) => s + r.amount, 0));
    // One service chosen: these figures are not a service's, so they are left out.
    expect((await admin.statistics.get({ period: '2026', serviceType: 'mediation' })).activity).toBeNull();
  });
});
