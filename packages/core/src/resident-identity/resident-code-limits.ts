import { and, desc, eq, gt, type SQL, schema, type TenantTx } from '@linju/db';
import { DomainError } from '../errors.ts';

type Limit = { windowMs: number; max: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * How many SMS codes may be asked for, against SMS bombing (a stranger's phone flooded) and
 * guessing: per phone one a minute, 5 an hour, 10 a day; per address 20 an hour (a whole
 * neighbourhood may share one); per district a ceiling a minute, so a flood from many addresses
 * cannot run up the district's SMS bill.
 */
export const RESIDENT_CODE_LIMITS = {
  phone: [
    { windowMs: MINUTE, max: 1 },
    { windowMs: HOUR, max: 5 },
    { windowMs: 24 * HOUR, max: 10 },
  ],
  address: [{ windowMs: HOUR, max: 20 }],
  district: [{ windowMs: MINUTE, max: 60 }],
} as const satisfies Record<string, readonly Limit[]>;

/** How long codes are kept for counting: the longest window. */
export const RESIDENT_CODE_KEPT_MS = 24 * HOUR;

const t = schema.residentCode;

/**
 * Seconds until one more code may be asked for under `limits` among the codes `which` selects, 0
 * when it may be now: the max-th newest code in a full window must first leave it.
 */
async function waitUnder(tx: TenantTx, which: SQL | undefined, limits: readonly Limit[], now: Date) {
  let wait = 0;
  for (const { windowMs, max } of limits) {
    const [blocking] = await tx
      .select({ createdAt: t.createdAt })
      .from(t)
      .where(and(which, gt(t.createdAt, new Date(now.getTime() - windowMs))))
      .orderBy(desc(t.createdAt))
      .offset(max - 1)
      .limit(1);
    if (blocking) wait = Math.max(wait, blocking.createdAt.getTime() + windowMs - now.getTime());
  }
  return Math.ceil(wait / 1000);
}

/** "Try again in …": minutes once it is over a minute, else seconds. */
function tooSoon(seconds: number): DomainError {
  return seconds > 60
    ? new DomainError('throttled', 'publicResident.code_wait_minutes', {
        field: 'phone',
        params: { minutes: Math.ceil(seconds / 60) },
      })
    : new DomainError('throttled', 'publicResident.code_wait_seconds', {
        field: 'phone',
        params: { seconds },
      });
}

/**
 * Refuses, saying when to try again, a code request over any limit. Run under the district's code
 * lock (`requestResidentCode`), so parallel requests are counted one after another.
 */
export async function requireCodeAllowed(
  tx: TenantTx,
  keys: { phoneIndex: string; ipIndex: string },
  now: Date,
): Promise<void> {
  const wait = Math.max(
    await waitUnder(tx, eq(t.phoneIndex, keys.phoneIndex), RESIDENT_CODE_LIMITS.phone, now),
    await waitUnder(tx, eq(t.ipIndex, keys.ipIndex), RESIDENT_CODE_LIMITS.address, now),
    await waitUnder(tx, undefined, RESIDENT_CODE_LIMITS.district, now),
  );
  if (wait > 0) throw tooSoon(wait);
}
