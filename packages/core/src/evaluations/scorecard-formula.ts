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

/**
 * 满意度分级: the share of satisfied ratings (4 or 5) earns a grade, and the grade a share of the
 * satisfaction points. A station without any rating is not graded and earns none: collecting
 * ratings is part of the job.
 */
export const SATISFACTION_GRADES = [
  { grade: 'A', from: 0.95, share: 1 },
  { grade: 'B', from: 0.9, share: 0.85 },
  { grade: 'C', from: 0.8, share: 0.7 },
  { grade: 'D', from: 0, share: 0.5 },
] as const;
export type SatisfactionGrade = (typeof SATISFACTION_GRADES)[number]['grade'];

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

const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;
const ratio = (a: number, b: number) => (b > 0 ? a / b : null);
/** The mean of the parts that apply (a part with nothing to measure is left out, not zero). */
const meanOf = (parts: (number | null)[]) => {
  const known = parts.filter((p): p is number => p !== null);
  return known.length > 0 ? known.reduce((s, p) => s + p, 0) / known.length : null;
};

export const gradeOf = (rate: number | null): { grade: SatisfactionGrade | null; share: number } => {
  if (rate === null) return { grade: null, share: 0 };
  const band = SATISFACTION_GRADES.find((g) => rate >= g.from) ?? SATISFACTION_GRADES[3];
  return { grade: band.grade, share: band.share };
};

/**
 * A station's points for a quarter:
 * - basic duties = mean of roster coverage (weekdays on duty / 5), themed days (months / 3) and the
 *   inspection score (mean of total / maximum; left out when not inspected that quarter);
 * - outcomes = mean of the resolution rate (resolved / received, at most 1) and the on-time rate
 *   (on time / resolved); a station with no cases at all earns no outcome points;
 * - satisfaction = the grade's share of the satisfaction points.
 * Each part is rounded to two decimals and the total is their sum.
 */
export function scoreStation(weights: ScorecardWeights, q: StationQuarter) {
  const rosterCoverage = Math.min(q.dutyWeekdays, DUTY_WEEKDAYS) / DUTY_WEEKDAYS;
  const themedDays = Math.min(q.themedDayMonths, THEMED_DAYS_PER_QUARTER) / THEMED_DAYS_PER_QUARTER;
  const inspectionScore = meanOf(q.inspections.map((i) => ratio(i.totalScore, i.maxScore)));
  const basicShare = meanOf([rosterCoverage, themedDays, inspectionScore]) ?? 0;

  const resolutionRate = q.received > 0 ? Math.min(1, q.resolved / q.received) : null;
  const onTimeRate = ratio(q.resolvedOnTime, q.resolved);
  const outcomeShare = meanOf([resolutionRate, onTimeRate]) ?? 0;

  const satisfactionRate = ratio(q.satisfied, q.rated);
  const { grade, share } = gradeOf(satisfactionRate);

  const basic = round(weights.basic * basicShare, 2);
  const outcome = round(weights.outcome * outcomeShare, 2);
  const satisfaction = round(weights.satisfaction * share, 2);
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
