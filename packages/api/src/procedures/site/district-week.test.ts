import { describe, expect, it } from 'vitest';
import { dayIn, weekOf } from './district-week.ts';

describe("the district's week", () => {
  it('is the date in the district, not on the server: 23:30 UTC is already the next day in Shanghai', () => {
    expect(dayIn('Asia/Shanghai', new Date('2026-12-06T23:30:00Z'))).toBe('2026-12-07');
  });

  it('runs Monday to Sunday around the day, a Sunday closing its week', () => {
    expect(weekOf('2026-12-09').map((d) => d.date)).toEqual([
      '2026-12-07',
      '2026-12-08',
      '2026-12-09',
      '2026-12-10',
      '2026-12-11',
      '2026-12-12',
      '2026-12-13',
    ]);
    expect(weekOf('2026-12-13')[0]).toEqual({ weekday: 1, date: '2026-12-07' });
    expect(weekOf('2026-12-13')[6]).toEqual({ weekday: 7, date: '2026-12-13' });
  });
});
