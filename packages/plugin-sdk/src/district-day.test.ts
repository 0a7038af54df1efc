import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { boundedDay, boundedMoment, dayOutside, districtDay, inDistrictTimeZone } from './district-day.ts';

const SESSION = { back: 731, ahead: 0 };

describe('dayOutside', () => {
  it('names what is wrong with a day for its bounds', () => {
    expect(dayOutside('2026-12-06', '2026-12-06', SESSION)).toBeUndefined();
    expect(dayOutside('2024-12-05', '2026-12-06', SESSION)).toBeUndefined();
    expect(dayOutside('2026-12-07', '2026-12-06', SESSION)).toBe('validation.date_in_future');
    expect(dayOutside('2099-01-01', '2026-12-06', SESSION)).toBe('validation.date_in_future');
    expect(dayOutside('1900-01-01', '2026-12-06', SESSION)).toBe('validation.date_too_long_ago');
    expect(dayOutside('2029-01-01', '2026-12-06', { back: 0, ahead: 731 })).toBe(
      'validation.date_too_far_ahead',
    );
    expect(dayOutside('2026-12-05', '2026-12-06', { back: 0, ahead: 731 })).toBe(
      'validation.date_too_long_ago',
    );
  });
});

describe('bounded date fields', () => {
  // 2026-12-06 23:30 in Shanghai is still the 6th in UTC's afternoon, and the 7th nowhere yet.
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-06T15:30:00Z') }));
  afterEach(() => vi.useRealTimers());

  const issues = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
    result.success ? [] : (result.error?.issues.map((i) => i.message) ?? []);

  it('takes today in the district, not in UTC', () => {
    expect(districtDay(new Date())).toBe('2026-12-06');
    // Already the 7th in Shanghai (UTC+8), still the 6th in UTC.
    vi.setSystemTime(new Date('2026-12-06T16:30:00Z'));
    expect(districtDay(new Date())).toBe('2026-12-07');
    expect(inDistrictTimeZone('Europe/London', () => districtDay(new Date()))).toBe('2026-12-06');
    expect(issues(boundedDay(SESSION).safeParse('2026-12-07'))).toEqual([]);
    expect(
      inDistrictTimeZone('Europe/London', () => issues(boundedDay(SESSION).safeParse('2026-12-07'))),
    ).toEqual(['validation.date_in_future']);
  });

  it('refuses 2099 and 1900 and what is not a date, each with its own message', () => {
    const day = boundedDay(SESSION);
    expect(issues(day.safeParse('2099-03-01'))).toEqual(['validation.date_in_future']);
    expect(issues(day.safeParse('1900-03-01'))).toEqual(['validation.date_too_long_ago']);
    expect(issues(day.safeParse('2026-02-30'))).toEqual(['validation.date_invalid']);
    expect(issues(day.safeParse('2026-11-30'))).toEqual([]);
  });

  it('bounds a moment by its day in the district', () => {
    const moment = boundedMoment(SESSION);
    expect(issues(moment.safeParse('2026-12-06T21:00:00+08:00'))).toEqual([]);
    expect(issues(moment.safeParse('2026-12-07T09:00:00+08:00'))).toEqual(['validation.date_in_future']);
    expect(issues(moment.safeParse('2099-12-06T09:00:00+08:00'))).toEqual(['validation.date_in_future']);
    expect(issues(moment.safeParse('1900-12-06T09:00:00+08:00'))).toEqual(['validation.date_too_long_ago']);
    expect(moment.parse('2026-12-01T09:00:00+08:00')).toEqual(new Date('2026-12-01T01:00:00Z'));
  });
});
