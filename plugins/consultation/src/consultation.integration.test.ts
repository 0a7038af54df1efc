import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  pluginHarness,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;
const phone = () =>
  `136${Math.floor(Math.random() * 1e8)
    .toString()
    .padStart(8, '0')}`;

beforeAll(async () => {
  ({ district, admin } = await h.district('consult', { enable: ['consultation'] }));
});
afterAll(() => h.close());

const consultationCase = (organisationId: string, channel: 'walk-in' | 'hotline' | 'online') =>
  admin.case.create({
    channel: channel === 'hotline' ? 'hotline-12348' : 'walk-in',
    resident: { name: '钱女士', phone: phone() },
    serviceType: 'consultation',
    category: 'debts',
    description: '朋友借款不还',
    organisationId,
    form: {
      topic: '民间借贷',
      channel,
      question: '朋友借了五万元两年不还，没有借条只有转账记录，能否起诉？',
    },
  });

describe('the consultation log', () => {
  it('keeps each answer with its duration and gives duration statistics per channel', async () => {
    const minutes = { 'walk-in': [20, 40], hotline: [6, 9, 12] } as const;
    for (const [channel, durations] of Object.entries(minutes) as [
      keyof typeof minutes,
      readonly number[],
    ][]) {
      for (const durationMinutes of durations) {
        const c = await consultationCase(district.organisations.roomA, channel);
        await admin.consultation.createLog({
          caseId: c.id,
          channel,
          topic: '民间借贷',
          adviserName: '顾问律师',
          heldAt: '2026-11-20T02:00:00Z',
          durationMinutes,
          answer: '转账记录可以作为借贷关系的证据，建议先催告再起诉，诉讼时效三年',
          ...(durationMinutes === 40 ? { followUp: 'new-case' as const, followUpNote: '转人民调解' } : {}),
        });
      }
    }
    const stats = await admin.consultation.statistics({
      organisationId: district.organisations.stationA,
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(stats.all).toEqual({
      consultations: 5,
      totalMinutes: 87,
      averageMinutes: 17.4,
      medianMinutes: 12,
      longestMinutes: 40,
    });
    expect(stats.byChannel.hotline).toMatchObject({ consultations: 3, totalMinutes: 27, averageMinutes: 9 });
    expect(stats.byChannel.online.consultations).toBe(0);
    const elsewhere = await admin.consultation.statistics({
      organisationId: district.organisations.stationB,
      from: '2026-11-01',
      to: '2026-12-01',
    });
    expect(elsewhere.all.consultations).toBe(0);
  });
});
