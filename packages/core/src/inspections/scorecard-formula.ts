/**
 * 考核量表: how a station's quarter becomes points. Pure functions over the figures the service
 * gathers, so the rules read (and are tested) apart from the queries. See README.md for why.
 */

/** Points out of 100 for each part; they must add up to 100. */
export type ScorecardWeights = { basic: number; outcome: number; satisfaction: number };
export const DEFAULT_SCORECARD_WEIGHTS: ScorecardWeights = { basic: 20, outcome: 60, satisfaction: 20 };

/** Weekdays (Monday–Friday) a service point is expected to have someone on duty. */
export const DUTY_WEEKDAYS = 5;
/** One themed activity day a month. */
export const THEMED_DAYS_PER_QUARTER = 3;

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

/** The satisfaction grades, best first; D is everything below C. */
export const SATISFACTION_GRADES = ['A', 'B', 'C', 'D'] as const;
export type SatisfactionGrade = (typeof SATISFACTION_GRADES)[number];

/**
 * 满意度分级, a district setting: the share of satisfied ratings (4 or 5), in per cent, from which
 * a grade is reached (`from`, A above B above C; D is the rest) and the points the grade earns (at
 * most the satisfaction weight, a better grade never fewer). A station without any rating is not
 * graded and earns none: collecting ratings is part of the job.
 */
export type SatisfactionGrading = {
  A: { from: number; points: number };
  B: { from: number; points: number };
  C: { from: number; points: number };
  D: { points: number };
};

/** The grading used until a district sets its own: A ≥ 95 % full points, B ≥ 90 % 85 %, C ≥ 80 % 70 %, D 50 %. */
export function defaultSatisfactionGrading(satisfactionWeight: number): SatisfactionGrading {
  const share = (s: number) => round(satisfactionWeight * s, 2);
  return {
    A: { from: 95, points: share(1) },
    B: { from: 90, points: share(0.85) },
    C: { from: 80, points: share(0.7) },
    D: { points: share(0.5) },
  };
}
export const DEFAULT_SATISFACTION_GRADING = defaultSatisfactionGrading(
  DEFAULT_SCORECARD_WEIGHTS.satisfaction,
);

/** What the platform knows of a station's quarter (its whole subtree). */
export type StationQuarter = {
  /** Distinct weekdays 1–5 with at least one duty slot. */
  dutyWeekdays: number;
  /** Months of the quarter with a themed day. */
  themedDayMonths: number;
  /** Each inspection of the quarter: total and maximum score. */
  inspections: { totalScore: number; maxScore: number }[];
  received: number;
  resolved: number;
  resolvedOnTime: number;
  rated: number;
  satisfied: number;
};

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
/** The mean of the parts that apply (a part with nothing to measure is left out, not zero). */
const meanOf = (parts: (number | null)[]) => {
  const known = parts.filter((p): p is number => p !== null);
  return known.length > 0 ? known.reduce((s, p) => s + p, 0) / known.length : null;
};

/**
 * The grade of `satisfied` out of `rated` ratings. Compared in whole numbers (thresholds have at
 * most one decimal), so 19 of 20 is exactly 95 % and reaches an A from 95.
 */
export function gradeOf(
  grading: SatisfactionGrading,
  ratings: { satisfied: number; rated: number },
): { grade: SatisfactionGrade | null; points: number } {
  if (ratings.rated <= 0) return { grade: null, points: 0 };
  const reaches = (from: number) => ratings.satisfied * 1000 >= Math.round(from * 10) * ratings.rated;
  for (const grade of ['A', 'B', 'C'] as const)
    if (reaches(grading[grade].from)) return { grade, points: grading[grade].points };
  return { grade: 'D', points: grading.D.points };
}

/**
 * A station's points for a quarter:
 * - basic duties = mean of roster coverage (weekdays on duty / 5), themed days (months / 3) and the
 *   inspection score (mean of total / maximum; left out when not inspected that quarter);
 * - outcomes = mean of the resolution rate (resolved / received, at most 1) and the on-time rate
 *   (on time / resolved); a station with no cases at all earns no outcome points;
 * - satisfaction = the points of the grade reached, by the district's grading.
 * Each part is rounded to two decimals and the total is their sum.
 */
export function scoreStation(weights: ScorecardWeights, grading: SatisfactionGrading, q: StationQuarter) {
  const rosterCoverage = Math.min(q.dutyWeekdays, DUTY_WEEKDAYS) / DUTY_WEEKDAYS;
  const themedDays = Math.min(q.themedDayMonths, THEMED_DAYS_PER_QUARTER) / THEMED_DAYS_PER_QUARTER;
  const inspectionScore = meanOf(q.inspections.map((i) => ratio(i.totalScore, i.maxScore)));
  const basicShare = meanOf([rosterCoverage, themedDays, inspectionScore]) ?? 0;

  const resolutionRate = q.received > 0 ? Math.min(1, q.resolved / q.received) : null;
  const onTimeRate = ratio(q.resolvedOnTime, q.resolved);
  const outcomeShare = meanOf([resolutionRate, onTimeRate]) ?? 0;

  const satisfactionRate = ratio(q.satisfied, q.rated);
  const { grade, points } = gradeOf(grading, q);

  const basic = round(weights.basic * basicShare, 2);
  const outcome = round(weights.outcome * outcomeShare, 2);
  const satisfaction = round(points, 2);
  return {
    total: round(basic + outcome + satisfaction, 2),
    basic: {
      points: basic,
      rosterCoverage,
      themedDayMonths: q.themedDayMonths,
      inspections: q.inspections.length,
      inspectionScore,
    },
    outcome: {
      points: outcome,
      received: q.received,
      resolved: q.resolved,
      resolvedOnTime: q.resolvedOnTime,
      resolutionRate,
      onTimeRate,
    },
    satisfaction: {
      points: satisfaction,
      rated: q.rated,
      satisfied: q.satisfied,
      rate: satisfactionRate,
      grade,
    },
  };
}
export type StationScore = ReturnType<typeof scoreStation>;

/** Highest total first; equal totals share a rank (1, 2, 2, 4), then by name for a stable order. */
export function rankStations<T extends { total: number; nameZh: string }>(rows: readonly T[]) {
  const sorted = [...rows].sort((a, b) => b.total - a.total || a.nameZh.localeCompare(b.nameZh, 'zh-CN'));
  return sorted.map((row) => ({ ...row, rank: sorted.findIndex((other) => other.total === row.total) + 1 }));
}
