import type { Caller } from '../context.ts';
import { isForbidden } from './route-errors.ts';

type StaffMember = Awaited<ReturnType<Caller['staff']['getMany']>>[number];

/** Someone who works in the district rather than for a partner only. */
export const isDistrictStaff = (person: StaffMember) =>
  !person.roles.every((grant) => grant.role === 'partner-user');

/** Someone holding `role` somewhere. */
export const holds =
  (...roles: readonly string[]) =>
  (person: StaffMember) =>
    person.roles.some((grant) => roles.includes(grant.role));

/**
 * The people a form offers to choose by name (a duty officer, a team, a lawyer): enabled accounts
 * that `keep` takes. Empty when the person may not read the staff list, so the page still opens
 * and the form falls back to what it offers without the list.
 */
export async function staffChoices(
  caller: Caller,
  keep: (person: StaffMember) => boolean,
): Promise<{ id: string; displayName: string }[]> {
  try {
    return (await caller.staff.getMany())
      .filter((person) => !person.disabledAt && keep(person))
      .map(({ id, displayName }) => ({ id, displayName }));
  } catch (error) {
    if (!isForbidden(error)) throw error;
    return [];
  }
}
