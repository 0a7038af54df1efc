import { describe, expect, it } from 'vitest';
import { gradeOf, rankStations, type StationQuarter, scoreStation } from './scorecard-formula.ts';

const quiet: StationQuarter = {
  dutyWeekdays: 0,
  themedDayMonths: 0,
  inspections: [],
  received: 0,
  resolved: 0,
  resolvedOnTime: 0,
  rated: 0,
  satisfied: 0,
};

describe('the station scorecard formula (考核量表)', () => {
  it('grades satisfaction in bands and gives an unrated station no satisfaction points', () => {
    expect([0.95, 0.9499, 0.9, 0.8, 0.79, 0].map((rate) => gradeOf(rate).grade)).toEqual([
      'A',
      'B',
      'B',
      'C',
      'D',
      'D',
    ]);
    expect(gradeOf(null)).toEqual({ grade: null, share: 0 });
  });

  it('scores basic duties, outcomes and satisfaction by the weights, as worked out by hand', () => {
    const score = scoreStation(
      { basic: 20, outcome: 60, satisfaction: 20 },
      {
        dutyWeekdays: 4, // 0.8
        themedDayMonths: 3, // 1
        inspections: [
          { totalScore: 45, maxScore: 50 }, // 0.9
          { totalScore: 35, maxScore: 50 }, // 0.7 → mean 0.8
        ],
        received: 10,
        resolved: 8, // 0.8
        resolvedOnTime: 6, // 0.75
        rated: 20,
        satisfied: 19, // 0.95 → A
      },
    );
    // basic (0.8 + 1 + 0.8) / 3 × 20 = 17.333…; outcome (0.8 + 0.75) / 2 × 60 = 46.5; satisfaction 20.
    expect(score).toMatchObject({
      total: 83.83,
      basic: { points: 17.33, inspectionScore: 0.8 },
      outcome: { points: 46.5, resolutionRate: 0.8, onTimeRate: 0.75 },
      satisfaction: { points: 20, grade: 'A' },
    });
  });

  it('leaves out what cannot be measured rather than counting it as zero, but gives no outcome points without cases', () => {
    const uninspected = scoreStation(
      { basic: 30, outcome: 70, satisfaction: 0 },
      { ...quiet, dutyWeekdays: 5 },
    );
    // Roster 1 and themed days 0, no inspection: (1 + 0) / 2 × 30.
    expect(uninspected.basic.points).toBe(15);
    expect(uninspected.outcome).toMatchObject({ points: 0, resolutionRate: null, onTimeRate: null });
  });

  it('caps the resolution rate at 1 when earlier cases are resolved in the quarter', () => {
    const score = scoreStation(
      { basic: 0, outcome: 100, satisfaction: 0 },
      {
        ...quiet,
        received: 2,
        resolved: 4,
        resolvedOnTime: 2,
      },
    );
    expect(score.outcome).toMatchObject({ resolutionRate: 1, onTimeRate: 0.5, points: 75 });
  });

  it('ranks by total, equal totals sharing a rank', () => {
    const ranked = rankStations([
      { nameZh: '乙', total: 70 },
      { nameZh: '甲', total: 90 },
      { nameZh: '丙', total: 70 },
      { nameZh: '丁', total: 10 },
    ]);
    expect(ranked.map((r) => [r.rank, r.total])).toEqual([
      [1, 90],
      [2, 70],
      [2, 70],
      [4, 10],
    ]);
  });
});
