import {
  hashPassword,
  invalidateAllSessions,
  matchTotpCode,
  newTotpSecret,
  passwordStrongEnough,
  rotateSessionAfterSecondFactor,
  type SecretBox,
  type Session,
  totpUri,
  verifyPassword,
} from '@linju/auth';
import { and, eq, ne, schema, sealedColumns, type TenantTx } from '@linju/db';
import { type Actor, auditActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { requireNotSelf, requirePersonWithinCeiling } from '../staff/role-ceiling.ts';
import { getStaffMember, lockStaffMember } from '../staff/staff-service.ts';
import { acceptTotpCode } from './second-factor.ts';

const self = (staffId: string, name: string, tenantId: string, requestId: string | null) => ({
  actorId: staffId,
  actorName: name,
  requestId,
  tenantId,
});

/** A fresh key for the person to type into an authenticator app; nothing is stored until confirmed. */
export async function beginTotpSetup(tx: TenantTx, staffId: string, issuer: string) {
  const staff = await getStaffMember(tx, staffId);
  if (staff.totpKeyEncrypted) throw new DomainError('conflict', 'auth.totp_already_enrolled');
  const secret = newTotpSecret();
  return { secret, uri: totpUri(issuer, staff.username, secret) };
}

/**
 * Stores the key once a code from it is given, and replaces the session with one that passed the
 * second factor (a new token: the one from before the code is worth nothing now).
 */
export async function confirmTotpSetup(
  tx: TenantTx,
  box: SecretBox,
  who: { staffId: string; session: Session; requestId: string | null; at: Date },
  input: { secret: string; code: string },
) {
  const staff = await lockStaffMember(tx, who.staffId);
  if (staff.totpKeyEncrypted) throw new DomainError('conflict', 'auth.totp_already_enrolled');
  const step = /^[A-Z2-7]{32}$/.test(input.secret) ? matchTotpCode(input.secret, input.code, who.at) : null;
  if (step === null) throw new DomainError('bad-request', 'auth.totp_invalid', { field: 'code' });
  await tx
    .update(schema.staffMember)
    .set({
      totpKeyEncrypted: box.encrypt(input.secret, staff.tenantId, sealedColumns.staffTotpKey),
      totpLastUsedStep: step,
    })
    .where(eq(schema.staffMember.id, staff.id));
  const rotated = await rotateSessionAfterSecondFactor(tx, who.session);
  const actor = self(staff.id, staff.displayName, staff.tenantId, who.requestId);
  await appendAudit(tx, {
    ...actor,
    action: 'staff.totp_enrolled',
    objectType: 'staff_member',
    objectId: staff.id,
  });
  return { staff, ...rotated };
}

/**
 * The second factor of a signed-in person: a code of their key, not used before, within the
 * failure count (see `acceptTotpCode`); the session is then replaced by a new one that passed it.
 * A refused code comes back as a value, to be thrown once `tx` committed its count.
 */
export async function verifyTotp(
  tx: TenantTx,
  box: SecretBox,
  who: { staffId: string; session: Session; at: Date },
  code: string,
) {
  const staff = await lockStaffMember(tx, who.staffId);
  if (!staff.totpKeyEncrypted) throw new DomainError('bad-request', 'auth.totp_not_enrolled');
  const step = await acceptTotpCode(tx, {
    throttleKey: `totp:${staff.tenantId}:${staff.id}`,
    secret: box.decrypt(staff.totpKeyEncrypted, staff.tenantId, sealedColumns.staffTotpKey),
    lastUsedStep: staff.totpLastUsedStep,
    code,
    at: who.at,
  });
  if (step instanceof DomainError) return step;
  await tx
    .update(schema.staffMember)
    .set({ totpLastUsedStep: step })
    .where(eq(schema.staffMember.id, staff.id));
  return { staff, ...(await rotateSessionAfterSecondFactor(tx, who.session)) };
}

/** The person's own change: other devices are signed out, this one stays. */
export async function changePassword(
  tx: TenantTx,
  who: { staffId: string; sessionId: string; requestId: string | null },
  input: { currentPassword: string; newPassword: string },
) {
  const staff = await getStaffMember(tx, who.staffId);
  if (!(await verifyPassword(staff.passwordHash, input.currentPassword))) {
    throw new DomainError('bad-request', 'auth.invalid_credentials', { field: 'currentPassword' });
  }
  if (!passwordStrongEnough(input.newPassword) || input.newPassword === input.currentPassword) {
    throw new DomainError('bad-request', 'auth.password_too_weak', { field: 'newPassword' });
  }
  await tx
    .update(schema.staffMember)
    .set({ passwordHash: await hashPassword(input.newPassword), mustChangePassword: false })
    .where(eq(schema.staffMember.id, staff.id));
  await tx
    .delete(schema.session)
    .where(and(eq(schema.session.staffMemberId, staff.id), ne(schema.session.id, who.sessionId)));
  const actor = self(staff.id, staff.displayName, staff.tenantId, who.requestId);
  await appendAudit(tx, {
    ...actor,
    action: 'staff.password_changed',
    objectType: 'staff_member',
    objectId: staff.id,
  });
}

/** An administrator sets a temporary password: every session of the person ends, and they must choose a new one. */
export async function resetPassword(
  tx: TenantTx,
  actor: Actor,
  input: { staffMemberId: string; temporaryPassword: string },
) {
  const staff = await getStaffMember(tx, input.staffMemberId);
  requireNotSelf(actor, staff.id, 'password');
  await requirePersonWithinCeiling(tx, actor, staff);
  if (!passwordStrongEnough(input.temporaryPassword)) {
    throw new DomainError('bad-request', 'auth.password_too_weak', { field: 'temporaryPassword' });
  }
  await tx
    .update(schema.staffMember)
    .set({ passwordHash: await hashPassword(input.temporaryPassword), mustChangePassword: true })
    .where(eq(schema.staffMember.id, staff.id));
  await invalidateAllSessions(tx, staff.tenantId, staff.id);
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'staff.password_reset',
    objectType: 'staff_member',
    objectId: staff.id,
  });
}
