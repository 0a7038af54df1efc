import type { RequestStatus } from './vocabulary.ts';

/** A request as the load figures need it (district dates, ISO). */
export interface RequestDates {
  readonly status: RequestStatus;
  readonly requestedOn: string;
  readonly dueOn: string;
  readonly answeredOn: string | null;
}

/** One expert's load, as the bureau reads it on the pool page. */
export interface ExpertLoad {
  readonly open: number;
  readonly overdue: number;
  /** Answered in the calendar year of `today`. */
  readonly answeredThisYear: number;
  /** Median calendar days from asking to answer over this year's answers; `null` with none. */
  readonly medianDaysToAnswer: number | null;
}

/** An open request past its due date. */
export const isOverdue = (request: Pick<RequestDates, 'status' | 'dueOn'>, today: string) =>
  request.status === 'open' && request.dueOn < today;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The middle value (the mean of the two middle ones for an even count); `null` for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** One expert's figures from their requests: withdrawn ones count nowhere. */
export function expertLoad(requests: readonly RequestDates[], today: string): ExpertLoad {
  const year = today.slice(0, 4);
  const answered = requests.filter(
    (r) => r.status === 'answered' && r.answeredOn !== null && r.answeredOn.slice(0, 4) === year,
  );
  return {
    open: requests.filter((r) => r.status === 'open').length,
    overdue: requests.filter((r) => isOverdue(r, today)).length,
    answeredThisYear: answered.length,
    medianDaysToAnswer: median(answered.map((r) => daysBetween(r.requestedOn, r.answeredOn as string))),
  };
}
