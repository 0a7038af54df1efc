import { createHash, randomBytes } from 'node:crypto';
import { hashPassword, passwordStrongEnough, type SecretBox, totpUri } from '@linju/auth';
import { type Database, eq, type Queryable, schema, sealedColumns, sql } from '@linju/db';
import { DomainError } from '../errors.ts';
import { acceptTotpCode } from '../sign-in/second-factor.ts';

/** How long a setup link opens the page: a working day and a night, then `linju init` is run again. */
export const SETUP_LINK_HOURS = 24;

/** The name authenticator apps show for an operator's key. */
const TOTP_ISSUER = 'Linju 平台';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A one-time link for an operator made without a password: the token goes to whoever runs the
 * command, only its SHA-256 is stored. Inside the caller's transaction (as the owner).
 */
export async function createOperatorSetupLink(
  tx: Queryable,
  operatorId: string,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SETUP_LINK_HOURS * 3600_000);
  await tx
    .insert(schema.platformOperatorSetup)
    .values({ operatorId, tokenHash: tokenHash(token), expiresAt, createdAt: now })
    .onConflictDoUpdate({
      target: schema.platformOperatorSetup.operatorId,
      set: { tokenHash: tokenHash(token), expiresAt, usedAt: null, createdAt: now },
    });
  return { token, expiresAt };
}

/** The operator a link opens, while it is unused and unexpired; one answer for unknown, used or old. */
async function openLink(db: Queryable, token: string, now: Date) {
  const [row] = await db
    .select({ operator: schema.platformOperator, setup: schema.platformOperatorSetup })
    .from(schema.platformOperatorSetup)
    .innerJoin(
      schema.platformOperator,
      eq(schema.platformOperator.id, schema.platformOperatorSetup.operatorId),
    )
    .where(eq(schema.platformOperatorSetup.tokenHash, tokenHash(token)));
  if (!row || row.setup.usedAt || row.setup.expiresAt <= now || !row.operator.totpKeyEncrypted)
    throw new DomainError('not-found', 'platform.setup_link_invalid');
  return { ...row.operator, totpKeyEncrypted: row.operator.totpKeyEncrypted };
}

/** What the setup page shows: who the link is for and the key to add to an authenticator app. */
export async function viewOperatorSetup(db: Database, box: SecretBox, token: string, now = new Date()) {
  const operator = await openLink(db, token, now);
  const secret = box.decrypt(operator.totpKeyEncrypted, null, sealedColumns.operatorTotpKey);
  return {
    username: operator.username,
    displayName: operator.displayName,
    secret,
    uri: totpUri(TOTP_ISSUER, operator.username, secret),
  };
}

/**
 * The operator chooses a password and proves the authenticator app holds the key (a code from it,
 * counted like a sign-in's); the link is spent in the same transaction, through the one database
 * function that may set an operator's password. A used or expired link opens nothing.
 */
export async function completeOperatorSetup(
  db: Database,
  box: SecretBox,
  input: { token: string; password: string; confirm: string; code: string },
  now = new Date(),
): Promise<{ username: string }> {
  if (input.password !== input.confirm)
    throw new DomainError('bad-request', 'auth.password_mismatch', { field: 'confirm' });
  if (!passwordStrongEnough(input.password))
    throw new DomainError('bad-request', 'auth.password_too_weak', { field: 'password' });
  const operator = await openLink(db, input.token, now);
  const passwordHash = await hashPassword(input.password);
  const outcome = await db.transaction(async (tx) => {
    const step = await acceptTotpCode(tx, {
      throttleKey: `totp:operator:${operator.id}`,
      secret: box.decrypt(operator.totpKeyEncrypted, null, sealedColumns.operatorTotpKey),
      lastUsedStep: operator.totpLastUsedStep,
      code: input.code,
      at: now,
    });
    if (step instanceof DomainError) return step;
    const [spent] = await tx.execute<{ operator: string | null }>(
      sql`select public.complete_operator_setup(${tokenHash(input.token)}, ${passwordHash}) as operator`,
    );
    if (!spent?.operator) throw new DomainError('not-found', 'platform.setup_link_invalid');
    await tx
      .update(schema.platformOperator)
      .set({ totpLastUsedStep: step })
      .where(eq(schema.platformOperator.id, operator.id));
    return { username: operator.username };
  });
  // Thrown only now: the wrong code's count has committed.
  if (outcome instanceof DomainError) throw outcome;
  return outcome;
}
