import { outgoingReferralRowView } from '../components/outgoing-referral-columns.tsx';
import type { getAdminContext } from '../context.ts';
import { isForbidden, load } from './route-errors.ts';

type Caller = ReturnType<typeof getAdminContext>['caller'];

/**
 * How many sent referrals the list reads (the API's bound on one read): the list totals, pages,
 * orders and exports these, and says "more than" when there are as many.
 */
export const OUTGOING_REFERRALS_REACH = 200;

/** The district's units by name (none for a user who may not read them: a partner's staff). */
const organisationNames = (caller: Caller) =>
  caller.organisation.getMany().then(
    (rows) => rows.map(({ id, nameZh, nameEn }) => ({ id, nameZh, nameEn })),
    (error: unknown) => {
      if (isForbidden(error)) return [];
      throw error;
    },
  );

/** The sent referrals one may read, as the list shows them, and whether the reach cut them off. */
export async function outgoingReferralRows(caller: Caller) {
  const [rows, organisations] = await Promise.all([
    load(caller.referral.getMany({ limit: OUTGOING_REFERRALS_REACH })),
    organisationNames(caller),
  ]);
  return {
    rows: rows.map((r) => outgoingReferralRowView(r, organisations)),
    total: { count: rows.length, capped: rows.length >= OUTGOING_REFERRALS_REACH },
  };
}
