import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SATISFACTION_GRADING,
  defaultSatisfactionGrading,
  gradeOf,
  rankStations,
  type SatisfactionGrading,
  type StationQuarter,
  scoreStation,
} from './scorecard-formula.ts';

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
  it('grades satisfaction in bands by default and gives an unrated station no satisfaction points', () => {
    const grade = (satisfied: number, rated: number) =>
      gradeOf(DEFAULT_SATISFACTION_GRADING, { satisfied, rated });
    // 95 %, 94.99 %, 90 %, 80 %, 79 %, 0 %.
    expect([
      grade(19, 20),
      grade(9499, 10000),
      grade(9, 10),
      grade(4, 5),
      grade(79, 100),
      grade(0, 3),
    ]).toEqual([
      { grade: 'A', points: 20 },
      { grade: 'B', points: 17 },
      { grade: 'B', points: 17 },
      { grade: 'C', points: 14 },
      { grade: 'D', points: 10 },
      { grade: 'D', points: 10 },
    ]);
    expect(grade(0, 0)).toEqual({ grade: null, points: 0 });
  });

  it('grades by the district’s own thresholds and points, a threshold reached exactly counting', () => {
    const strict: SatisfactionGrading = {
      A: { from: 98.5, points: 30 },
      B: { from: 92, points: 25.5 },
      C: { from: 60, points: 12 },
      D: { points: 0 },
    };
    // 197 of 200 is exactly 98.5 %: an A; 196 of 200 (98 %) only a B.
    expect(gradeOf(strict, { satisfied: 197, rated: 200 })).toEqual({ grade: 'A', points: 30 });
    expect(gradeOf(strict, { satisfied: 196, rated: 200 })).toEqual({ grade: 'B', points: 25.5 });
    expect(gradeOf(strict, { satisfied: 3, rated: 5 })).toEqual({ grade: 'C', points: 12 });
    expect(gradeOf(strict, { satisfied: 1, rated: 2 })).toEqual({ grade: 'D', points: 0 });
    // The same station (19 of 20 satisfied, 95 %) scored under the default and the strict grading.
    const quarter = { ...quiet, rated: 20, satisfied: 19 };
    const weights = { basic: 10, outcome: 60, satisfaction: 30 };
    expect(scoreStation(weights, defaultSatisfactionGrading(30), quarter).satisfaction).toMatchObject({
      grade: 'A',
      points: 30,
    });
    expect(scoreStation(weights, strict, quarter)).toMatchObject({
      total: 25.5,
      satisfaction: { grade: 'B', points: 25.5, rate: 0.95 },
    });
  });

  it('derives the default grading from the satisfaction weight: full, 85 %, 70 % and half the points', () => {
    expect(defaultSatisfactionGrading(25)).toEqual({
      A: { from: 95, points: 25 },
      B: { from: 90, points: 21.25 },
      C: { from: 80, points: 17.5 },
      D: { points: 12.5 },
    });
  });

  it('scores basic duties, outcomes and satisfaction by the weights, as worked out by hand', () => {
    const score = scoreStation({ basic: 20, outcome: 60, satisfaction: 20 }, DEFAULT_SATISFACTION_GRADING, {
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
    });
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
      defaultSatisfactionGrading(0),
      { ...quiet, dutyWeekdays: 5 },
    );
    // Roster 1 and themed days 0, no inspection: (1 + 0) / 2 × 30.
    expect(uninspected.basic.points).toBe(15);
    expect(uninspected.outcome).toMatchObject({ points: 0, resolutionRate: null, onTimeRate: null });
  });

  it('caps the resolution rate at 1 when earlier cases are resolved in the quarter', () => {
    const score = scoreStation({ basic: 0, outcome: 100, satisfaction: 0 }, defaultSatisfactionGrading(0), {
      ...quiet,
      received: 2,
      resolved: 4,
      resolvedOnTime: 2,
    });
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
