import type { Availability } from './vocabulary.ts';

/** What the pool keeps of an expert's availability. */
export interface AvailabilityRecord {
  readonly availability: Availability;
  /** The last day of a pause (ISO date); `null` unless paused. */
  readonly pausedUntil: string | null;
}

/** Where an expert stands on `today` (ISO date): a pause ends after its last day by itself. */
export function availabilityOn(expert: AvailabilityRecord, today: string): Availability {
  if (expert.availability === 'paused' && expert.pausedUntil !== null && expert.pausedUntil < today) {
    return 'available';
  }
  return expert.availability;
}

/** Whether a matter may be put to the expert on `today`. */
export const mayBeAsked = (expert: AvailabilityRecord, today: string) =>
  availabilityOn(expert, today) === 'available';
