import { randomUUID } from 'node:crypto';
import { connect, eq, schema } from '@linju/db';
import { afterAll, describe, expect, inject, it } from 'vitest';
import {
  createSession,
  rotateSessionAfterSecondFactor,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  validateSessionToken,
} from './session.ts';

const { db, close } = connect(inject('databaseUrl'));
afterAll(() => close());
const operator = () => ({ platformOperatorId: randomUUID() });
const HOUR = 60 * 60 * 1000;

describe('sessions the Lucia way', () => {
  it('gives out `<id>.<secret>` and stores the id and only the hash of the secret', async () => {
    const { token, session } = await createSession(db, operator(), { twoFactorVerified: false });
    const [id, secret] = token.split('.');
    expect(token).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/);
    expect(session.id).toBe(id);
    const [row] = await db.select().from(schema.session).where(eq(schema.session.id, session.id));
    expect(row?.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret);
  });

  it('knows a session by its id only together with its secret', async () => {
    const { token } = await createSession(db, operator(), { twoFactorVerified: false });
    const [id, secret = ''] = token.split('.');
    const otherSecret = `${secret.slice(0, -1)}${secret.endsWith('a') ? 'b' : 'a'}`;
    expect(await validateSessionToken(db, `${id}.${otherSecret}`)).toBeNull();
    expect(await validateSessionToken(db, token)).not.toBeNull();
  });

  it('slides: a session used in the second half of its idle time is extended', async () => {
    const start = new Date('2026-11-22T08:00:00Z');
    const { token } = await createSession(db, operator(), { twoFactorVerified: true, now: start });
    const early = await validateSessionToken(db, token, new Date(start.getTime() + 60_000));
    expect(early?.expiresAt.getTime()).toBe(start.getTime() + SESSION_IDLE_MS);
    const late = new Date(start.getTime() + SESSION_IDLE_MS * 0.75);
    const extended = await validateSessionToken(db, token, late);
    expect(extended?.expiresAt.getTime()).toBe(late.getTime() + SESSION_IDLE_MS);
  });

  it('ends at its absolute lifetime however busy it is', async () => {
    const start = new Date('2026-11-22T08:00:00Z');
    const { token } = await createSession(db, operator(), { twoFactorVerified: true, now: start });
    for (let hours = 8; hours < SESSION_ABSOLUTE_MS / HOUR; hours += 8) {
      const used = await validateSessionToken(db, token, new Date(start.getTime() + hours * HOUR));
      expect(used?.expiresAt.getTime()).toBeLessThanOrEqual(start.getTime() + SESSION_ABSOLUTE_MS);
    }
    expect(await validateSessionToken(db, token, new Date(start.getTime() + SESSION_ABSOLUTE_MS))).toBeNull();
  });

  it('ends, and is deleted, once it expired', async () => {
    const start = new Date('2026-11-22T08:00:00Z');
    const { token, session } = await createSession(db, operator(), { twoFactorVerified: true, now: start });
    expect(await validateSessionToken(db, token, new Date(start.getTime() + SESSION_IDLE_MS + 1))).toBeNull();
    expect(await db.select().from(schema.session).where(eq(schema.session.id, session.id))).toEqual([]);
  });

  it('is replaced after the second factor: new token, old one dead, same absolute end', async () => {
    const { token, session } = await createSession(db, operator(), { twoFactorVerified: false });
    const rotated = await rotateSessionAfterSecondFactor(db, session);
    expect(rotated.token).not.toBe(token);
    expect(rotated.session.twoFactorVerified).toBe(true);
    expect(rotated.session.createdAt).toEqual(session.createdAt);
    expect(await validateSessionToken(db, token)).toBeNull();
    expect((await validateSessionToken(db, rotated.token))?.id).toBe(rotated.session.id);
  });

  it.each([
    ['not-a-token'],
    ['a.b'],
    [`${'a'.repeat(32)}.${'a'.repeat(32)}.x`],
    ['%E0%A4%A'],
    ['x'.repeat(10_000)],
  ])('knows no made-up token (%#)', async (token) => {
    expect(await validateSessionToken(db, token)).toBeNull();
  });
});
