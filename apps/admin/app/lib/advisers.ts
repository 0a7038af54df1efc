import { DISPLAY_TIME_ZONE } from '@linju/i18n';

/** A community lawyer adviser's contract as `adviser.getMany` returns it (dates as `YYYY-MM-DD`). */
export interface AdviserRow {
  id: string;
  organisationId: string;
  lawFirm: string;
  lawyerName: string;
  lawyerStaffMemberId: string | null;
  startsOn: string;
  endsOn: string;
  endedEarlyOn: string | null;
}

/** Where a contract stands on a given day. */
export type AdviserStatus = 'upcoming' | 'current' | 'ended-early' | 'expired';

/** Today's date (`YYYY-MM-DD`) in the district's time zone, not the server's. */
export function todayIn(timeZone: string = DISPLAY_TIME_ZONE, now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The last day a contract covers: the day it was ended early, or the end of its term. */
export function lastDay(adviser: Pick<AdviserRow, 'endsOn' | 'endedEarlyOn'>): string {
  return adviser.endedEarlyOn ?? adviser.endsOn;
}

export function adviserStatus(adviser: AdviserRow, today: string): AdviserStatus {
  if (today < adviser.startsOn) return 'upcoming';
  if (today > lastDay(adviser)) return adviser.endedEarlyOn ? 'ended-early' : 'expired';
  return 'current';
}

/** Whether the contract can still be ended early: not already ended, and its term not over. */
export function canEndEarly(adviser: AdviserRow, today: string): boolean {
  return adviser.endedEarlyOn === null && today <= adviser.endsOn;
}

export interface RoomAdvisers<A extends AdviserRow> {
  organisationId: string;
  /** The adviser serving the room today, if any (one at a time: the server refuses overlaps). */
  current: A | undefined;
  /** Every contract of the room, newest term first. */
  contracts: A[];
}

/**
 * The contracts of each room, in the order of `rooms` (the tree's order). Rooms without any
 * contract are included, so the page can show the communities still waiting for an adviser.
 */
export function advisersByRoom<A extends AdviserRow>(
  roomIds: readonly string[],
  advisers: readonly A[],
  today: string,
): RoomAdvisers<A>[] {
  return roomIds.map((organisationId) => {
    const contracts = advisers
      .filter((adviser) => adviser.organisationId === organisationId)
      .sort((a, b) => (a.startsOn < b.startsOn ? 1 : a.startsOn > b.startsOn ? -1 : 0));
    const current = contracts.find((adviser) => adviserStatus(adviser, today) === 'current');
    return { organisationId, current, contracts };
  });
}

/** A plain calendar date, `YYYY-MM-DD`, that exists (no 31 February). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The same day a year later, the usual term of a contract; 29 February becomes 28 February. */
export function oneYearLater(iso: string): string {
  const next = `${String(Number(iso.slice(0, 4)) + 1).padStart(4, '0')}${iso.slice(4)}`;
  return isIsoDate(next) ? next : `${next.slice(0, 8)}28`;
}
