import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, labelled } from './format.ts';

// 16:30 UTC on 1 March is already 2 March in Shanghai: dates follow China Standard Time.
const lateEvening = new Date('2025-03-01T16:30:00Z');

describe('formatDate', () => {
  it('formats in China Standard Time for each locale', () => {
    expect(formatDate('zh-CN', lateEvening)).toBe('2025年3月2日');
    expect(formatDate('en', lateEvening)).toBe('2 March 2025');
  });

  it('accepts ISO strings and timestamps', () => {
    expect(formatDate('en', '2024-10-01T00:00:00+08:00')).toBe('1 October 2024');
    expect(formatDate('zh-CN', lateEvening.getTime())).toBe('2025年3月2日');
  });

  it('rejects an invalid date instead of printing "Invalid Date"', () => {
    expect(() => formatDate('en', 'not a date')).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  it('uses a 24-hour clock', () => {
    expect(formatDateTime('zh-CN', lateEvening)).toBe('2025年3月2日 00:30');
    expect(formatDateTime('en', lateEvening)).toBe('2 March 2025 at 00:30');
  });
});

describe('formatNumber', () => {
  it('groups digits', () => {
    expect(formatNumber('zh-CN', 1234567)).toBe('1,234,567');
    expect(formatNumber('en', 1234567.5)).toBe('1,234,567.5');
  });

  it('passes options through', () => {
    expect(formatNumber('en', 0.25, { style: 'percent' })).toBe('25%');
    expect(formatNumber('zh-CN', 3178, { style: 'unit', unit: 'minute', unitDisplay: 'long' })).toBe(
      '3,178分钟',
    );
  });
});

describe('labelled', () => {
  it('puts the language’s own colon after a label', () => {
    expect(labelled('zh-CN', '事由')).toBe('事由：');
    expect(labelled('en', 'Summary')).toBe('Summary: ');
  });
});
