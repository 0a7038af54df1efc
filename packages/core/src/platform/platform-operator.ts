import { randomUUID } from 'node:crypto';
import {
  clearFailures,
  createSession,
  hashPassword,
  markSessionTwoFactorVerified,
  newTotpSecret,
  passwordStrongEnough,
  recordFailure,
  type SecretBox,
  throttledFor,
  verifyPassword,
  verifyTotpCode,
} from '@linju/auth';
import { asc, type Database, eq, type Queryable, schema, sealedColumns, sql, withTenant } from '@linju/db';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { ZName, ZUsername } from '../tenants/tenant-schemas.ts';

/**
 * Operators of the platform stand outside every tenant: they onboard, suspend and resume
 * districts, and see volumes, never a district's cases. They always sign in with TOTP.
 */
export async function createPlatformOperator(
  db: Queryable,
  box: SecretBox,
  input: { username: string; displayName: string; password: string },
) {
  const username = ZUsername.parse(input.username);
  const displayName = ZName.parse(input.displayName);
  if (!passwordStrongEnough(input.password))
    throw new DomainError('bad-request', 'auth.password_too_weak', { field: 'password' });
  const totpSecret = newTotpSecret();
  const [created] = await db
    .insert(schema.platformOperator)
    .values({
      id: randomUUID(),
      username,
      displayName,
      passwordHash: await hashPassword(input.password),
      totpKeyEncrypted: box.encrypt(totpSecret, null, sealedColumns.operatorTotpKey),
    })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new DomainError('conflict', 'platform.operator_exists', { field: 'username' });
  return { id: created.id, totpSecret };
}

export async function platformSignIn(
  db: Database,
  input: { username: string; password: string; ip: string },
) {
  const key = `operator:${input.username}`;
  const wait = Math.max(await throttledFor(db, key), await throttledFor(db, `ip:${input.ip}`));
  if (wait > 0) throw new DomainError('throttled', 'auth.throttled', { params: { seconds: wait } });
  const [operator] = await db
    .select()
    .from(schema.platformOperator)
    .where(eq(schema.platformOperator.username, input.username));
  if (!operator || !(await verifyPassword(operator.passwordHash, input.password))) {
    await recordFailure(db, 'account', key);
    await recordFailure(db, 'ip', `ip:${input.ip}`);
    throw new DomainError('unauthorized', 'auth.invalid_credentials', { field: 'password' });
  }
  await clearFailures(db, key);
  const { token, session } = await createSession(
    db,
    { platformOperatorId: operator.id },
    { twoFactorVerified: false },
  );
  return { sessionToken: token, expiresAt: session.expiresAt, next: 'totp' as const };
}

export async function platformVerifyTotp(
  db: Database,
  box: SecretBox,
  who: { operatorId: string; sessionId: string },
  code: string,
) {
  const [operator] = await db
    .select()
    .from(schema.platformOperator)
    .where(eq(schema.platformOperator.id, who.operatorId));
  if (
    !operator?.totpKeyEncrypted ||
    !verifyTotpCode(box.decrypt(operator.totpKeyEncrypted, null, sealedColumns.operatorTotpKey), code)
  ) {
    throw new DomainError('unauthorized', 'auth.totp_invalid', { field: 'code' });
  }
  await markSessionTwoFactorVerified(db, who.sessionId);
  return { next: 'home' as const };
}

/** Every district with its health at a glance: status and volumes (no personal data). */
export async function listTenantsWithVolumes(db: Database) {
  const tenants = await db.select().from(schema.tenant).orderBy(asc(schema.tenant.slug));
  return Promise.all(
    tenants.map((t) =>
      withTenant(db, t.id, async (tx) => {
        const [volumes] = await tx.execute<{ organisations: string; staff: string }>(
          sql`select (select count(*) from organisation) as organisations, (select count(*) from staff_member) as staff`,
        );
        return {
          id: t.id,
          slug: t.slug,
          nameZh: t.nameZh,
          nameEn: t.nameEn,
          divisionCode: t.divisionCode,
          status: t.status,
          createdAt: t.createdAt,
          organisations: Number(volumes?.organisations ?? 0),
          staff: Number(volumes?.staff ?? 0),
        };
      }),
    ),
  );
}

/** Suspending a district refuses its sign-ins and requests at once; its data stays untouched. */
export async function setTenantStatus(
  db: Database,
  by: { operatorId: string },
  input: { tenantId: string; status: 'active' | 'suspended' },
) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(schema.tenant).where(eq(schema.tenant.id, input.tenantId));
    if (!before) throw new DomainError('not-found', 'tenant.not_found', { field: 'tenantId' });
    await tx.update(schema.tenant).set({ status: input.status }).where(eq(schema.tenant.id, input.tenantId));
    await withTenant(tx, input.tenantId, (ttx) =>
      appendAudit(ttx, {
        actorId: by.operatorId,
        actorName: 'platform operator',
        action: input.status === 'suspended' ? 'tenant.suspended' : 'tenant.resumed',
        objectType: 'tenant',
        objectId: input.tenantId,
        before: { status: before.status },
        after: { status: input.status },
      }),
    );
    return { id: input.tenantId, status: input.status };
  });
}

/** The operator of a session, for the console's header: name only, never keys or hashes. */
export async function getPlatformOperator(db: Database, operatorId: string) {
  const [operator] = await db
    .select({
      id: schema.platformOperator.id,
      username: schema.platformOperator.username,
      displayName: schema.platformOperator.displayName,
    })
    .from(schema.platformOperator)
    .where(eq(schema.platformOperator.id, operatorId));
  return operator ?? null;
}
