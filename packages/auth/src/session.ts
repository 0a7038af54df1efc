import { randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, type Queryable, schema } from '@linju/db';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';

/** Idle sessions end after 12 hours; any use in the second half of that extends it (sliding). */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/**
 * However busy, a session ends 24 hours after its password was given: a working day with room for
 * a late shift, so staff sign in once a day and a stolen cookie is worth a day at most.
 */
export const SESSION_ABSOLUTE_MS = 24 * 60 * 60 * 1000;
const REFRESH_WHEN_LEFT_MS = SESSION_IDLE_MS / 2;

type SessionRow = typeof schema.session.$inferSelect;
/** A live session as requests see it: everything but the secret's hash. */
export type Session = Omit<SessionRow, 'secretHash'>;
export type SessionOwner = { tenantId: string; staffMemberId: string } | { platformOperatorId: string };

// 160 random bits each (the guide asks for at least 120), in base32: [a-z2-7]{32}.
const randomPart = () => encodeBase32LowerCaseNoPadding(randomBytes(20));
const TOKEN_SHAPE = /^([a-z2-7]{32})\.([a-z2-7]{32})$/;
const hashOf = (secret: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));

/** A new session token's parts: the id, the secret for the cookie, and the hash the row keeps. */
export function newSessionToken(): { id: string; token: string; secretHash: string } {
  const id = randomPart();
  const secret = randomPart();
  return { id, token: `${id}.${secret}`, secretHash: hashOf(secret) };
}

/** Whether a token's secret is the one whose hash a row keeps, in constant time. */
export function secretMatches(secret: string, secretHash: string): boolean {
  // Constant time: how much of a guessed secret matched must not show in the answer's timing.
  return timingSafeEqual(Buffer.from(hashOf(secret), 'hex'), Buffer.from(secretHash, 'hex'));
}

/** The id and secret of a token of our shape; null for anything else (a cookie is user input). */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
  const match = TOKEN_SHAPE.exec(token);
  return match?.[1] && match[2] ? { id: match[1], secret: match[2] } : null;
}

const endOf = (createdAt: Date, from: Date) =>
  new Date(Math.min(from.getTime() + SESSION_IDLE_MS, createdAt.getTime() + SESSION_ABSOLUTE_MS));

const withoutHash = ({ secretHash: _, ...session }: SessionRow): Session => session;

/**
 * A new session and its token `<id>.<secret>` for the cookie. The database keeps the id and the
 * SHA-256 of the secret, so a leaked table opens nothing. `createdAt` starts the absolute lifetime.
 */
export async function createSession(
  db: Queryable,
  owner: SessionOwner,
  options: { twoFactorVerified: boolean; now?: Date; createdAt?: Date },
): Promise<{ token: string; session: Session }> {
  const { id, token, secretHash } = newSessionToken();
  const now = options.now ?? new Date();
  const createdAt = options.createdAt ?? now;
  const [row] = await db
    .insert(schema.session)
    .values({
      id,
      secretHash,
      ...owner,
      twoFactorVerified: options.twoFactorVerified,
      createdAt,
      expiresAt: endOf(createdAt, now),
    })
    .returning();
  if (!row) throw new Error('Session insert returned no row');
  return { token, session: withoutHash(row) };
}

/**
 * The live session of a token, extended when past half its idle time (never past its absolute
 * end); null when malformed, unknown, of a wrong secret, or expired.
 */
export async function validateSessionToken(
  db: Queryable,
  token: string,
  now = new Date(),
): Promise<Session | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return null;
  const [row] = await db.select().from(schema.session).where(eq(schema.session.id, parsed.id));
  if (!row) return null;
  if (!secretMatches(parsed.secret, row.secretHash)) return null;
  if (now >= row.expiresAt) {
    await db.delete(schema.session).where(eq(schema.session.id, row.id));
    return null;
  }
  const extended = endOf(row.createdAt, now);
  if (row.expiresAt.getTime() - now.getTime() < REFRESH_WHEN_LEFT_MS && extended > row.expiresAt) {
    row.expiresAt = extended;
    await db.update(schema.session).set({ expiresAt: extended }).where(eq(schema.session.id, row.id));
  }
  return withoutHash(row);
}

/**
 * After the second factor: a new session (new id and secret) replaces the old one, so a token
 * planted or seen before the code was given is worth nothing after it. The absolute lifetime still
 * counts from the password.
 */
export async function rotateSessionAfterSecondFactor(
  db: Queryable,
  old: Session,
): Promise<{ token: string; session: Session }> {
  await invalidateSession(db, old.id);
  return createSession(db, ownerOf(old), { twoFactorVerified: true, createdAt: old.createdAt });
}

function ownerOf({ tenantId, staffMemberId, platformOperatorId }: Session): SessionOwner {
  if (tenantId && staffMemberId) return { tenantId, staffMemberId };
  if (platformOperatorId) return { platformOperatorId };
  throw new Error('A session without an owner');
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
