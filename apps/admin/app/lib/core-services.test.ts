import { describe, expect, it } from 'vitest';
import {
  daysFrom,
  districtDateTime,
  freeSlots,
  monthPeriod,
  optionLabel,
  parseCount,
  toDistrictInput,
} from './core-services.ts';

describe('what staff type', () => {
  it('reads a datetime-local value as the district time and back', () => {
    expect(districtDateTime('2026-03-18T09:30')).toBe('2026-03-18T09:30:00+08:00');
    expect(districtDateTime('')).toBe('');
    expect(toDistrictInput('2026-03-18T01:30:00.000Z')).toBe('2026-03-18T09:30');
  });

  it('reads whole counts only', () => {
    expect(parseCount('1,200')).toBe(1200);
    expect(parseCount('0')).toBe(0);
    expect(parseCount('3.5')).toBeUndefined();
    expect(parseCount('many')).toBeUndefined();
  });
});

describe('periods', () => {
  it('spans a month from its first to its last day, leap years included', () => {
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthPeriod('2026-13')).toBeUndefined();
  });

  it('counts days on across a month end', () => {
    expect(daysFrom('2026-01-25', 14)).toEqual({ from: '2026-01-25', to: '2026-02-08' });
  });
});

describe('free appointment slots', () => {
  const now = new Date('2026-03-18T02:00:00Z');
  const slot = (startsAt: string, booked: number, withdrawn = false) => ({
    id: startsAt,
    startsAt,
    capacity: 2,
    booked,
    withdrawn,
  });

  it('are those not begun, not withdrawn and with a place left', () => {
    const slots = [
      slot('2026-03-18T01:00:00Z', 0),
      slot('2026-03-19T01:00:00Z', 1),
      slot('2026-03-19T02:00:00Z', 2),
      slot('2026-03-19T03:00:00Z', 0, true),
    ];
    expect(freeSlots(slots, now).map((s) => s.id)).toEqual(['2026-03-19T01:00:00Z']);
  });
});

describe('the label of a form choice', () => {
  const fields = [
    {
      key: 'matter',
      options: [{ value: 'labour-remuneration', label: { 'zh-CN': '劳动报酬', en: 'Labour remuneration' } }],
    },
  ];

  it('comes from the form description in the reader’s language', () => {
    expect(optionLabel(fields, 'matter', 'labour-remuneration', 'zh-CN')).toBe('劳动报酬');
    expect(optionLabel(fields, 'matter', 'labour-remuneration', 'en')).toBe('Labour remuneration');
  });

  it('falls back to the answer itself, or a dash for none', () => {
    expect(optionLabel(fields, 'matter', 'other', 'en')).toBe('other');
    expect(optionLabel(fields, 'matter', undefined, 'en')).toBe('—');
  });
});
