import { describe, expect, it } from 'vitest';
import { DEFAULT_SATISFACTION_GRADING } from './scorecard-formula.ts';
import { type ScorecardSettingsRequest, ZScorecardSettingsRequest } from './scorecard-settings.ts';

const settings: ScorecardSettingsRequest = {
  basic: 20,
  outcome: 60,
  satisfaction: 20,
  grading: DEFAULT_SATISFACTION_GRADING,
};
/** Each refused field with its message key, as the settings form shows them. */
const problems = (request: unknown) => {
  const result = ZScorecardSettingsRequest.safeParse(request);
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
};
const withGrading = (grading: Partial<Record<'A' | 'B' | 'C' | 'D', object>>) => ({
  ...settings,
  grading: { ...settings.grading, ...grading },
});

describe('scorecard settings (weights and satisfaction grading)', () => {
  it('accepts the defaults and a district’s own grading within its satisfaction weight', () => {
    expect(problems(settings)).toEqual([]);
    expect(
      problems({
        basic: 10,
        outcome: 60,
        satisfaction: 30,
        grading: {
          A: { from: 100, points: 30 },
          B: { from: 92.5, points: 22.75 },
          C: { from: 0.1, points: 22.75 },
          D: { points: 0 },
        },
      }),
    ).toEqual([]);
  });

  it('refuses weights that do not add up to 100, naming the first weight', () => {
    expect(problems({ ...settings, basic: 30 })).toEqual([['basic', 'scorecard.weights_sum']]);
  });

  it('refuses thresholds out of range or with more than one decimal, on the grade’s field', () => {
    expect(problems(withGrading({ A: { from: 100.5, points: 20 } }))).toEqual([
      ['grading.A.from', 'scorecard.grade_from_invalid'],
    ]);
    expect(problems(withGrading({ C: { from: 0, points: 14 } }))).toEqual([
      ['grading.C.from', 'scorecard.grade_from_invalid'],
    ]);
    expect(problems(withGrading({ B: { from: 90.25, points: 17 } }))).toEqual([
      ['grading.B.from', 'scorecard.grade_from_invalid'],
    ]);
  });

  it('refuses a grade whose threshold is not below the grade above', () => {
    expect(problems(withGrading({ B: { from: 95, points: 17 } }))).toEqual([
      ['grading.B.from', 'scorecard.grade_from_order'],
    ]);
    expect(problems(withGrading({ C: { from: 91, points: 14 } }))).toEqual([
      ['grading.C.from', 'scorecard.grade_from_order'],
    ]);
  });

  it('refuses points above the satisfaction weight, a lower grade earning more, or negative points', () => {
    expect(problems(withGrading({ A: { from: 95, points: 21 } }))).toEqual([
      ['grading.A.points', 'scorecard.grade_points_over_weight'],
    ]);
    expect(problems(withGrading({ D: { points: 15 } }))).toEqual([
      ['grading.D.points', 'scorecard.grade_points_order'],
    ]);
    expect(problems(withGrading({ D: { points: -1 } }))).toEqual([
      ['grading.D.points', 'scorecard.grade_points_invalid'],
    ]);
    // A district wanting "20 basic + 80 outcome" sets satisfaction to 0, and the grades' points with it.
    expect(problems({ ...settings, basic: 20, outcome: 80, satisfaction: 0 }).map(([path]) => path)).toEqual([
      'grading.A.points',
      'grading.B.points',
      'grading.C.points',
      'grading.D.points',
    ]);
  });
});
