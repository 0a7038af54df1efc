import { randomUUID } from 'node:crypto';
import { connect, eq, schema } from '@linju/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createSession, SESSION_LIFETIME_MS, sessionIdOf, validateSessionToken } from './session.ts';

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
