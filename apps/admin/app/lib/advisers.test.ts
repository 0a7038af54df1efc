import { describe, expect, it } from 'vitest';
import {
  type AdviserRow,
  adviserStatus,
  advisersByRoom,
  canEndEarly,
  isIsoDate,
  oneYearLater,
  todayIn,
} from './advisers.ts';

function adviser(
  id: string,
  organisationId: string,
  startsOn: string,
  endsOn: string,
  endedEarlyOn: string | null = null,
) {
  return {
    id,
    organisationId,
    lawFirm: 'Firm',
    lawyerName: 'Lawyer',
    lawyerStaffMemberId: null,
    startsOn,
    endsOn,
    endedEarlyOn,
  } satisfies AdviserRow;
}

describe('adviserStatus', () => {
  const term = adviser('a', 'room', '2026-01-01', '2026-12-31');
  it('follows the term, its first and last day included', () => {
    expect(adviserStatus(term, '2025-12-31')).toBe('upcoming');
    expect(adviserStatus(term, '2026-01-01')).toBe('current');
    expect(adviserStatus(term, '2026-12-31')).toBe('current');
    expect(adviserStatus(term, '2027-01-01')).toBe('expired');
  });

  it('ends on the day a contract was ended early', () => {
    const ended = adviser('b', 'room', '2026-01-01', '2026-12-31', '2026-06-30');
    expect(adviserStatus(ended, '2026-06-30')).toBe('current');
    expect(adviserStatus(ended, '2026-07-01')).toBe('ended-early');
    expect(canEndEarly(ended, '2026-03-01')).toBe(false);
    expect(canEndEarly(term, '2026-03-01')).toBe(true);
    expect(canEndEarly(term, '2027-01-01')).toBe(false);
  });
});

describe('advisersByRoom', () => {
  it('lists every room in the given order, its contracts newest first, and the one serving today', () => {
    const rows = [
      adviser('old', 'r1', '2024-01-01', '2024-12-31'),
      adviser('now', 'r1', '2026-01-01', '2026-12-31'),
      adviser('elsewhere', 'r9', '2026-01-01', '2026-12-31'),
    ];
    const rooms = advisersByRoom(['r2', 'r1'], rows, '2026-05-01');
    expect(
      rooms.map((room) => [room.organisationId, room.current?.id, room.contracts.map((c) => c.id)]),
    ).toEqual([
      ['r2', undefined, []],
      ['r1', 'now', ['now', 'old']],
    ]);
  });
});

describe('dates', () => {
  it('gives today in the district’s time zone', () => {
    // 23:30 UTC on 1 March is already 2 March in Shanghai.
    expect(todayIn('Asia/Shanghai', new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(todayIn('UTC', new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-01');
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
    expect(isIsoDate('yesterday')).toBe(false);
  });

  it('adds a year, turning 29 February into 28 February', () => {
    expect(oneYearLater('2026-03-15')).toBe('2027-03-15');
    expect(oneYearLater('2028-02-29')).toBe('2029-02-28');
  });
});
