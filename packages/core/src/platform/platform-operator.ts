import { randomUUID } from 'node:crypto';
import {
  claimSignInAttempt,
  createSession,
  hashPassword,
  newTotpSecret,
  passwordMatches,
  passwordStrongEnough,
  rotateSessionAfterSecondFactor,
  type SecretBox,
  type Session,
  signInSucceeded,
} from '@linju/auth';
import { asc, type Database, eq, type Queryable, schema, sealedColumns, sql, withTenant } from '@linju/db';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { acceptTotpCode } from '../sign-in/second-factor.ts';
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
  const keys = { account: `operator:${input.username}`, ip: `ip:${input.ip}` };
  const wait = await claimSignInAttempt(db, keys);
  if (wait > 0) throw new DomainError('throttled', 'auth.throttled', { params: { seconds: wait } });
  const [operator] = await db
    .select()
    .from(schema.platformOperator)
    .where(eq(schema.platformOperator.username, input.username));
  // An unknown username costs the same argon2 work: the time taken does not tell who is an operator.
  const ok = await passwordMatches(operator?.passwordHash ?? null, input.password);
  if (!operator || !ok) {
    throw new DomainError('unauthorized', 'auth.invalid_credentials', { field: 'password' });
  }
  await signInSucceeded(db, keys);
  const { token, session } = await createSession(
    db,
    { platformOperatorId: operator.id },
    { twoFactorVerified: false },
  );
  return { sessionToken: token, expiresAt: session.expiresAt, next: 'totp' as const };
}

/**
 * The operator's code, under the same rules as staff (`acceptTotpCode`: counted, used once); the
 * session is then replaced by a new one that passed the second factor.
 */
export async function platformVerifyTotp(
  db: Database,
  box: SecretBox,
  who: { operatorId: string; session: Session; at: Date },
  code: string,
) {
  const outcome = await db.transaction(async (tx) => {
    const [operator] = await tx
      .select()
      .from(schema.platformOperator)
      .where(eq(schema.platformOperator.id, who.operatorId))
      .for('update');
    if (!operator?.totpKeyEncrypted)
      throw new DomainError('unauthorized', 'auth.totp_invalid', { field: 'code' });
    const step = await acceptTotpCode(tx, {
      throttleKey: `totp:operator:${operator.id}`,
      secret: box.decrypt(operator.totpKeyEncrypted, null, sealedColumns.operatorTotpKey),
      lastUsedStep: operator.totpLastUsedStep,
      code,
      at: who.at,
    });
    if (step instanceof DomainError) return step;
    await tx
      .update(schema.platformOperator)
      .set({ totpLastUsedStep: step })
      .where(eq(schema.platformOperator.id, operator.id));
    const { token, session } = await rotateSessionAfterSecondFactor(tx, who.session);
    return { next: 'home' as const, sessionToken: token, expiresAt: session.expiresAt };
  });
  // Thrown only now: the refusal's count has committed.
  if (outcome instanceof DomainError) throw outcome;
  return outcome;
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
