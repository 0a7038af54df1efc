import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  pluginHarness,
  seededRandom,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

/**
 * Consultation minutes (咨询时长) and hotline minutes, kept in the activity roll-ups by the
 * consultation log itself, through the real procedures, and equal to the plugin's full recount.
 */
const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;

beforeAll(async () => {
  ({ district, admin } = await h.district('consult-statistics', { enable: ['consultation'] }));
});
afterAll(() => h.close());

describe('consultation minutes in the activity roll-ups', () => {
  it('equal a full recount after a random sequence of consultations, and read back on the dashboard', async () => {
    const { random, pick } = seededRandom(Number(process.env.ROLLUP_SEED ?? 20261123));
    const units = [
      district.organisations.centreId,
      district.organisations.stationA,
      district.organisations.stationB,
      district.organisations.roomA,
    ];
    const inYear = () =>
      new Date(Date.UTC(2026, 2 + Math.floor(random() * 8), 1 + Math.floor(random() * 28), 3));
    const expected = { consultations: 0, minutes: 0, hotline: 0 };
    for (let step = 0; step < 14; step++) {
      const channel = pick(['walk-in', 'hotline', 'online'] as const);
      const minutes = 1 + Math.floor(random() * 60);
      const c = await admin.case.create({
        channel: channel === 'hotline' ? 'hotline-12348' : 'walk-in',
        resident: { name: `咨询人${step}`, phone: `136${String(40_000_000 + step).slice(-8)}` },
        serviceType: 'consultation',
        category: 'debts',
        description: '借款纠纷咨询',
        organisationId: pick(units),
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
    }
    expect(expected.hotline).toBeGreaterThan(0);

    expect(await h.activityRecountDifferences(district.tenantId)).toEqual([]);

    const { activity } = await admin.statistics.get({ period: '2026' });
    expect(activity?.consultations).toMatchObject({
      count: expected.consultations,
      minutes: expected.minutes,
      hotlineMinutes: expected.hotline,
    });
  });
});
