import { eq, type Queryable, schema, sql } from '@linju/db';

/**
 * Per account: 5 failures in 15 minutes lock it for 15 minutes. Per IP: 30 in 15 minutes. Per
 * person's second factor: 5 wrong codes in 15 minutes lock it for 15 minutes, whatever session or
 * address the guesses come from (each guess hits 3 codes in a million: even odds take over a year).
 */
export const THROTTLE_RULES = {
  account: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  ip: { maxFailures: 30, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
  'second-factor': { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
} as const;

export type ThrottleKind = keyof typeof THROTTLE_RULES;

/**
 * Counts one attempt on `key` before it is judged, deciding in the same statement whether it may
 * go ahead: parallel attempts get distinct counts, so only the first `maxFailures` of a window are
 * tried, however many arrive at once. Returns 0 when it may go ahead (it then counts as a failure
 * until {@link forgiveAttempt} or {@link clearFailures}), else the seconds until the key may try
 * again. Attempts while locked count too; a lock that ran out starts a new window.
 */
export async function claimAttempt(
  db: Queryable,
  kind: ThrottleKind,
  key: string,
  now = new Date(),
): Promise<number> {
  const rule = THROTTLE_RULES[kind];
  const t = schema.loginThrottle;
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${new Date(now.getTime() - rule.windowMs).toISOString()}::timestamptz`;
  const lockUntil = new Date(now.getTime() + rule.lockMs);
  const lockAt = sql`${lockUntil.toISOString()}::timestamptz`;
  const restart = sql`coalesce(${t.lockedUntil} <= ${at}, ${t.windowStartedAt} < ${windowStart})`;
  const firstLocks = rule.maxFailures <= 1;
  const [row] = await db
    .insert(t)
    .values({ key, failures: 1, windowStartedAt: now, lockedUntil: firstLocks ? lockUntil : null })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: sql`case when ${restart} then 1 else ${t.failures} + 1 end`,
        windowStartedAt: sql`case when ${restart} then ${at} else ${t.windowStartedAt} end`,
        lockedUntil: sql`case when ${restart} then ${firstLocks ? lockAt : sql`null`}
          when ${t.failures} + 1 = ${rule.maxFailures} then ${lockAt} else ${t.lockedUntil} end`,
      },
    })
    .returning({ failures: t.failures, lockedUntil: t.lockedUntil });
  if (!row || row.failures <= rule.maxFailures) return 0;
  return Math.max(1, Math.ceil(((row.lockedUntil ?? lockUntil).getTime() - now.getTime()) / 1000));
}

/** Takes back an attempt that turned out right: it no longer counts, nor locks the key. */
export async function forgiveAttempt(db: Queryable, kind: ThrottleKind, key: string): Promise<void> {
  const t = schema.loginThrottle;
  await db
    .update(t)
    .set({
      failures: sql`greatest(${t.failures} - 1, 0)`,
      lockedUntil: sql`case when ${t.failures} - 1 < ${THROTTLE_RULES[kind].maxFailures} then null else ${t.lockedUntil} end`,
    })
    .where(eq(t.key, key));
}

/** The two keys of a sign-in: the account tried and the address it comes from. */
export type SignInKeys = { account: string; ip: string };

/**
 * Claims a sign-in attempt on its account and then its address ({@link claimAttempt}); one the
 * address refuses costs the account nothing. Returns the seconds to wait, 0 to go ahead.
 */
export async function claimSignInAttempt(db: Queryable, keys: SignInKeys, now = new Date()) {
  const accountWait = await claimAttempt(db, 'account', keys.account, now);
  if (accountWait > 0) return accountWait;
  const ipWait = await claimAttempt(db, 'ip', keys.ip, now);
  if (ipWait > 0) await forgiveAttempt(db, 'account', keys.account);
  return ipWait;
}

/** A right password: the account starts afresh, and the address is not charged for it. */
export async function signInSucceeded(db: Queryable, keys: SignInKeys): Promise<void> {
  await clearFailures(db, keys.account);
  await forgiveAttempt(db, 'ip', keys.ip);
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.delete(schema.loginThrottle).where(eq(schema.loginThrottle.key, key));
}
