import { describe, expect, it } from 'vitest';
import { expertLoad, isOverdue, median, type RequestDates } from './expert-load.ts';

const TODAY = '2026-12-07';
const open = (requestedOn: string, dueOn: string): RequestDates => ({
  status: 'open',
  requestedOn,
  dueOn,
  answeredOn: null,
});
const answered = (requestedOn: string, answeredOn: string): RequestDates => ({
  status: 'answered',
  requestedOn,
  dueOn: '2099-01-01',
  answeredOn,
});

describe('an expert’s load', () => {
  it('marks an open request overdue from the day after its due date, never an answered one', () => {
    expect(isOverdue(open('2026-11-20', '2026-12-07'), TODAY)).toBe(false);
    expect(isOverdue(open('2026-11-20', '2026-12-06'), TODAY)).toBe(true);
    expect(isOverdue({ status: 'answered', dueOn: '2026-12-01' }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'withdrawn', dueOn: '2026-12-01' }, TODAY)).toBe(false);
  });

  it('counts open and overdue requests, this year’s answers and their median days', () => {
    const load = expertLoad(
      [
        open('2026-12-01', '2026-12-15'),
        open('2026-11-01', '2026-11-14'),
        answered('2026-03-01', '2026-03-04'),
        answered('2026-05-10', '2026-05-20'),
        answered('2026-06-01', '2026-06-06'),
        // Answered last year: not this year's, whatever its days.
        answered('2025-12-01', '2025-12-31'),
        { status: 'withdrawn', requestedOn: '2026-10-01', dueOn: '2026-10-10', answeredOn: null },
      ],
      TODAY,
    );
    expect(load).toEqual({ open: 2, overdue: 1, answeredThisYear: 3, medianDaysToAnswer: 5 });
  });

  it('counts a request asked last year and answered this year by its days across the new year', () => {
    expect(expertLoad([answered('2025-12-29', '2026-01-05')], TODAY).medianDaysToAnswer).toBe(7);
  });

  it('has no median without answers, and the mean of the middle two for an even count', () => {
    expect(expertLoad([open('2026-12-01', '2026-12-15')], TODAY)).toEqual({
      open: 1,
      overdue: 0,
      answeredThisYear: 0,
      medianDaysToAnswer: null,
    });
    expect(median([2, 9, 3, 4])).toBe(3.5);
  });
});
