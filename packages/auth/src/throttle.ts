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

/** Seconds until the key may try again, or 0 when it may try now. */
export async function throttledFor(db: Queryable, key: string, now = new Date()): Promise<number> {
  const [row] = await db.select().from(schema.loginThrottle).where(eq(schema.loginThrottle.key, key));
  if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
}

/** Counts a failure in the current window, locking the key when the window's limit is reached. */
export async function recordFailure(
  db: Queryable,
  kind: ThrottleKind,
  key: string,
  now = new Date(),
): Promise<void> {
  const rule = THROTTLE_RULES[kind];
  const windowStart = sql`${new Date(now.getTime() - rule.windowMs).toISOString()}::timestamptz`;
  const lockUntil = sql`${new Date(now.getTime() + rule.lockMs).toISOString()}::timestamptz`;
  const at = sql`${now.toISOString()}::timestamptz`;
  await db
    .insert(schema.loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: schema.loginThrottle.key,
      set: {
        failures: sql`case when ${schema.loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${schema.loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${schema.loginThrottle.windowStartedAt} < ${windowStart} then ${at} else ${schema.loginThrottle.windowStartedAt} end`,
        lockedUntil: sql`case when ${schema.loginThrottle.windowStartedAt} >= ${windowStart} and ${schema.loginThrottle.failures} + 1 >= ${rule.maxFailures} then ${lockUntil} else ${schema.loginThrottle.lockedUntil} end`,
      },
    });
}

export async function clearFailures(db: Queryable, key: string): Promise<void> {
  await db.delete(schema.loginThrottle).where(eq(schema.loginThrottle.key, key));
}
