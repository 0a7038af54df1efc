/**
 * The district's scorecard settings as a request: the weights and the satisfaction grading, checked
 * together because a grade's points are bounded by the satisfaction weight. Pure (no database), so
 * the rules are unit-tested; the database checks the same bounds again (`scorecard_setting_*`).
 */
import { z } from 'zod';
import type { SatisfactionGrading, ScorecardWeights } from './scorecard-formula.ts';

const decimalsAtMost = (places: number) => (n: number) =>
  Math.abs(Math.round(n * 10 ** places) - n * 10 ** places) < 1e-6;

const ZWeight = z
  .number({ message: 'scorecard.weight_invalid' })
  .int({ message: 'scorecard.weight_invalid' })
  .min(0, { message: 'scorecard.weight_invalid' })
  .max(100, { message: 'scorecard.weight_invalid' });

/** A grade's threshold: a satisfied share in per cent, above 0 and at most 100, one decimal at most. */
const ZGradeFrom = z
  .number({ message: 'scorecard.grade_from_invalid' })
  .gt(0, { message: 'scorecard.grade_from_invalid' })
  .max(100, { message: 'scorecard.grade_from_invalid' })
  .refine(decimalsAtMost(1), { message: 'scorecard.grade_from_invalid' });

/** A grade's points: not negative, two decimals at most (bounded by the weight below). */
const ZGradePoints = z
  .number({ message: 'scorecard.grade_points_invalid' })
  .min(0, { message: 'scorecard.grade_points_invalid' })
  .max(100, { message: 'scorecard.grade_points_invalid' })
  .refine(decimalsAtMost(2), { message: 'scorecard.grade_points_invalid' });

const ZBand = z.object({ from: ZGradeFrom, points: ZGradePoints });

export const ZSatisfactionGrading = z.object({
  A: ZBand,
  B: ZBand,
  C: ZBand,
  D: z.object({ points: ZGradePoints }),
});

/**
 * Weights (whole points adding up to 100) and grading: thresholds strictly falling from A to C,
 * points never rising from A to D, and no grade earning more than the satisfaction weight. Each
 * problem is reported on the field it concerns (`grading.B.from`), the first one per field.
 */
export const ZScorecardSettingsRequest = z
  .object({
    basic: ZWeight,
    outcome: ZWeight,
    satisfaction: ZWeight,
    grading: ZSatisfactionGrading,
  })
  .superRefine((settings, ctx) => {
    const { grading } = settings;
    if (settings.basic + settings.outcome + settings.satisfaction !== 100)
      ctx.addIssue({ code: 'custom', message: 'scorecard.weights_sum', path: ['basic'] });
    for (const [lower, higher] of [
      ['B', 'A'],
      ['C', 'B'],
    ] as const)
      if (grading[lower].from >= grading[higher].from)
        ctx.addIssue({
          code: 'custom',
          message: 'scorecard.grade_from_order',
          path: ['grading', lower, 'from'],
        });
    for (const [lower, higher] of [
      ['B', 'A'],
      ['C', 'B'],
      ['D', 'C'],
    ] as const)
      if (grading[lower].points > grading[higher].points)
        ctx.addIssue({
          code: 'custom',
          message: 'scorecard.grade_points_order',
          path: ['grading', lower, 'points'],
        });
    for (const grade of ['A', 'B', 'C', 'D'] as const)
      if (grading[grade].points > settings.satisfaction)
        ctx.addIssue({
          code: 'custom',
          message: 'scorecard.grade_points_over_weight',
          path: ['grading', grade, 'points'],
        });
  });
export type ScorecardSettingsRequest = z.input<typeof ZScorecardSettingsRequest>;

/** The settings a scorecard is computed with. */
export type ScorecardSettings = { weights: ScorecardWeights; grading: SatisfactionGrading };
