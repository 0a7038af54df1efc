import { newSessionToken, parseSessionToken, type SecretBox, secretMatches } from '@linju/auth';
import { and, type Database, eq, schema, sealedColumns, type TenantTx, withTenant } from '@linju/db';
import { seal } from '../personal-data/personal-data.ts';

/** A resident's session ends after 30 minutes unused… */
export const RESIDENT_SESSION_IDLE_MS = 30 * 60_000;
/** …and 2 hours after the code was given, however busy: a shared phone or kiosk forgets them soon. */
export const RESIDENT_SESSION_ABSOLUTE_MS = 2 * 60 * 60_000;
const REFRESH_WHEN_LEFT_MS = RESIDENT_SESSION_IDLE_MS / 2;

/** Who the resident is on the district's public site: the phone they proved, and their session. */
export type ResidentIdentity = { phone: string; sessionId: string };

const s = schema.residentSession;

const endOf = (createdAt: Date, from: Date) =>
  new Date(
    Math.min(from.getTime() + RESIDENT_SESSION_IDLE_MS, createdAt.getTime() + RESIDENT_SESSION_ABSOLUTE_MS),
  );

/**
 * A session for a phone just proved. The cookie may keep the token until the absolute end
 * (`cookieExpiresAt`); the row's sliding expiry decides before that.
 */
export async function openResidentSession(
  tx: TenantTx,
  box: SecretBox,
  tenantId: string,
  phone: string,
  now: Date,
): Promise<{ token: string; sessionId: string; cookieExpiresAt: Date }> {
  const { id, token, secretHash } = newSessionToken();
  const phoneSealed = seal(box, phone, tenantId, sealedColumns.residentSessionPhone);
  await tx.insert(s).values({
    tenantId,
    id,
    secretHash,
    phoneSealed: phoneSealed.encrypted,
    phoneIndex: phoneSealed.index,
    createdAt: now,
    expiresAt: endOf(now, now),
  });
  return {
    token,
    sessionId: id,
    cookieExpiresAt: new Date(now.getTime() + RESIDENT_SESSION_ABSOLUTE_MS),
  };
}

/**
 * The resident of a session token in district `tenantId`, its idle expiry slid forward; null for
 * a malformed, unknown or expired token, or one issued in another district (its row is not seen).
 */
export function residentOfToken(
  db: Database,
  box: SecretBox,
  tenantId: string,
  token: string,
  now = new Date(),
): Promise<ResidentIdentity | null> {
  const parsed = parseSessionToken(token);
  if (!parsed) return Promise.resolve(null);
  return withTenant(db, tenantId, async (tx) => {
    const [row] = await tx.select().from(s).where(eq(s.id, parsed.id));
    if (!row || !secretMatches(parsed.secret, row.secretHash)) return null;
    if (now >= row.expiresAt) {
      await tx.delete(s).where(eq(s.id, row.id));
      return null;
    }
    const extended = endOf(row.createdAt, now);
    if (row.expiresAt.getTime() - now.getTime() < REFRESH_WHEN_LEFT_MS && extended > row.expiresAt) {
      await tx.update(s).set({ expiresAt: extended }).where(eq(s.id, row.id));
    }
    const phone = box.decrypt(row.phoneSealed, tenantId, sealedColumns.residentSessionPhone);
    return { phone, sessionId: row.id };
  });
}

/** Ends a session (signing out); true when there was one. */
export async function deleteResidentSession(tx: TenantTx, tenantId: string, sessionId: string) {
  const gone = await tx
    .delete(s)
    .where(and(eq(s.tenantId, tenantId), eq(s.id, sessionId)))
    .returning({ id: s.id });
  return gone.length > 0;
}
