import { randomBytes } from 'node:crypto';
import { and, eq, type Queryable, schema } from '@linju/db';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** Idle sessions end after 12 hours; any use in the second half of that extends it (sliding). */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
const REFRESH_WHEN_LEFT_MS = SESSION_LIFETIME_MS / 2;

export type Session = typeof schema.session.$inferSelect;
export type SessionOwner = { tenantId: string; staffMemberId: string } | { platformOperatorId: string };

/** The cookie carries the token; the database keeps only its SHA-256, so a leaked table opens nothing. */
export const generateSessionToken = () => encodeBase32LowerCaseNoPadding(randomBytes(20));
export const sessionIdOf = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

export async function createSession(
  db: Queryable,
  owner: SessionOwner,
  options: { twoFactorVerified: boolean; now?: Date },
): Promise<{ token: string; session: Session }> {
  const token = generateSessionToken();
  const now = options.now ?? new Date();
  const [session] = await db
    .insert(schema.session)
    .values({
      id: sessionIdOf(token),
      ...owner,
      twoFactorVerified: options.twoFactorVerified,
      expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
    })
    .returning();
  if (!session) throw new Error('Session insert returned no row');
  return { token, session };
}

/** The live session of a token, extended when past half its life; null when unknown or expired. */
export async function validateSessionToken(
  db: Queryable,
  token: string,
  now = new Date(),
): Promise<Session | null> {
  const id = sessionIdOf(token);
  const [session] = await db.select().from(schema.session).where(eq(schema.session.id, id));
  if (!session) return null;
  if (now >= session.expiresAt) {
    await db.delete(schema.session).where(eq(schema.session.id, id));
    return null;
  }
  if (session.expiresAt.getTime() - now.getTime() < REFRESH_WHEN_LEFT_MS) {
    session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    await db.update(schema.session).set({ expiresAt: session.expiresAt }).where(eq(schema.session.id, id));
  }
  return session;
}

export async function markSessionTwoFactorVerified(db: Queryable, sessionId: string): Promise<void> {
  await db.update(schema.session).set({ twoFactorVerified: true }).where(eq(schema.session.id, sessionId));
}

export async function invalidateSession(db: Queryable, sessionId: string): Promise<void> {
  await db.delete(schema.session).where(eq(schema.session.id, sessionId));
}

/** "Log out everywhere", and what a password reset does to the person's other devices. */
export async function invalidateAllSessions(
  db: Queryable,
  tenantId: string,
  staffMemberId: string,
): Promise<void> {
  await db
    .delete(schema.session)
    .where(and(eq(schema.session.tenantId, tenantId), eq(schema.session.staffMemberId, staffMemberId)));
}
