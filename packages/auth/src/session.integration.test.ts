import { randomUUID } from 'node:crypto';
import { connect, eq, schema } from '@linju/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createSession, SESSION_LIFETIME_MS, sessionIdOf, validateSessionToken } from './session.ts';
import { clearFailures, recordFailure, THROTTLE_RULES, throttledFor } from './throttle.ts';

const { db, close } = connect(inject('databaseUrl'));
afterAll(() => close());
const operator = () => ({ platformOperatorId: randomUUID() });

describe('sessions the Lucia way', () => {
  it('stores only the hash of the token', async () => {
    const { token, session } = await createSession(db, operator(), { twoFactorVerified: false });
    expect(session.id).toBe(sessionIdOf(token));
    expect(session.id).not.toContain(token);
  });

  it('slides: a session used in the second half of its life is extended', async () => {
    const start = new Date('2026-11-22T08:00:00Z');
    const { token } = await createSession(db, operator(), { twoFactorVerified: true, now: start });
    const early = await validateSessionToken(db, token, new Date(start.getTime() + 60_000));
    expect(early?.expiresAt.getTime()).toBe(start.getTime() + SESSION_LIFETIME_MS);
    const late = new Date(start.getTime() + SESSION_LIFETIME_MS * 0.75);
    const extended = await validateSessionToken(db, token, late);
    expect(extended?.expiresAt.getTime()).toBe(late.getTime() + SESSION_LIFETIME_MS);
  });

  it('ends, and is deleted, once it expired', async () => {
    const start = new Date('2026-11-22T08:00:00Z');
    const { token, session } = await createSession(db, operator(), { twoFactorVerified: true, now: start });
    expect(
      await validateSessionToken(db, token, new Date(start.getTime() + SESSION_LIFETIME_MS + 1)),
    ).toBeNull();
    expect(await db.select().from(schema.session).where(eq(schema.session.id, session.id))).toEqual([]);
  });

  it('knows no made-up token', async () => {
    expect(await validateSessionToken(db, 'not-a-token')).toBeNull();
  });
});

describe('sign-in throttling', () => {
  it('locks an IP address after its limit of failures in the window, and not before', async () => {
    const key = `ip:198.51.100.${Math.floor(Math.random() * 250)}`;
    const now = new Date();
    for (let i = 0; i < THROTTLE_RULES.ip.maxFailures - 1; i++) await recordFailure(db, 'ip', key, now);
    expect(await throttledFor(db, key, now)).toBe(0);
    await recordFailure(db, 'ip', key, now);
    expect(await throttledFor(db, key, now)).toBe(THROTTLE_RULES.ip.lockMs / 1000);
    await clearFailures(db, key);
    expect(await throttledFor(db, key, now)).toBe(0);
  });

  it('starts a new window once the old one is over', async () => {
    const key = `account:${randomUUID()}:someone`;
    const t0 = new Date('2026-11-22T08:00:00Z');
    for (let i = 0; i < THROTTLE_RULES.account.maxFailures - 1; i++)
      await recordFailure(db, 'account', key, t0);
    const later = new Date(t0.getTime() + THROTTLE_RULES.account.windowMs + 1000);
    await recordFailure(db, 'account', key, later);
    expect(await throttledFor(db, key, later)).toBe(0);
  });
});
