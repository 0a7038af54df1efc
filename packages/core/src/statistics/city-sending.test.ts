import { describe, expect, it } from 'vitest';
import { MEASURES } from '../cases/case-tally.ts';
import { cityDivisionOf } from '../tenants/division-code.ts';
import { statisticsIdempotencyKey, ZStatisticsMessage } from './city-rollup.ts';
import { monthBeforeLocal } from './city-sending.ts';

describe('the monthly sending’s month', () => {
  it('is the month before the one it runs in, local time', () => {
    expect(monthBeforeLocal(new Date('2026-11-03T06:00:00+08:00'), 'Asia/Shanghai')).toBe('2026-10');
    expect(monthBeforeLocal(new Date('2027-01-03T06:00:00+08:00'), 'Asia/Shanghai')).toBe('2026-12');
    // 1 March 00:30 in Shanghai is still February in UTC: the district's clock decides.
    expect(monthBeforeLocal(new Date('2026-02-28T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-02');
  });
});

describe('a statistics message’s keys', () => {
  const base = {
    type: 'linju.district-statistics' as const,
    divisionCode: '310104',
    districtName: '徐汇区司法局',
    month: '2026-10',
    totals: Object.fromEntries(MEASURES.map((m) => [m, 0])),
    byService: [],
    byChannel: [],
    byKeyGroup: [],
  };

  it('names district, month and (version 2) revision in the idempotency key', () => {
    const v1 = ZStatisticsMessage.parse({ ...base, version: 1 });
    expect(statisticsIdempotencyKey(v1)).toBe('310104:2026-10');
    const activity = {
      educationEvents: 0,
      educationAttendance: 0,
      consultations: 0,
      consultationMinutes: 0,
      hotlineMinutes: 0,
      referralsCompleted: 0,
      referralTurnaroundSeconds: 0,
    };
    const v2 = ZStatisticsMessage.parse({
      ...base,
      version: 2,
      to: 'shanghai@city-node',
      revision: 3,
      activity,
    });
    expect(statisticsIdempotencyKey(v2)).toBe('310104:2026-10:3');
  });

  it('refuses a version 2 message without its city, revision or activity figures', () => {
    expect(ZStatisticsMessage.safeParse({ ...base, version: 2 }).success).toBe(false);
  });

  it('finds a district’s city by its division code', () => {
    expect(cityDivisionOf('310104')).toBe('310100');
  });
});
