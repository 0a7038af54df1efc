import {
  hashPassword,
  invalidateAllSessions,
  markSessionTwoFactorVerified,
  newTotpSecret,
  passwordStrongEnough,
  type SecretBox,
  totpUri,
  verifyPassword,
  verifyTotpCode,
} from '@linju/auth';
import { and, eq, ne, schema, sealedColumns, type TenantTx } from '@linju/db';
import { type Actor, auditActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation, requireStaffManage } from '../organisations/organisation-service.ts';
import { getStaffMember } from '../staff/staff-service.ts';

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

export async function confirmTotpSetup(
  tx: TenantTx,
  box: SecretBox,
  who: { staffId: string; sessionId: string; requestId: string | null },
  input: { secret: string; code: string },
) {
  const staff = await getStaffMember(tx, who.staffId);
  if (staff.totpKeyEncrypted) throw new DomainError('conflict', 'auth.totp_already_enrolled');
  if (!/^[A-Z2-7]{32}$/.test(input.secret) || !verifyTotpCode(input.secret, input.code)) {
    throw new DomainError('bad-request', 'auth.totp_invalid', { field: 'code' });
  }
  await tx
    .update(schema.staffMember)
    .set({ totpKeyEncrypted: box.encrypt(input.secret, staff.tenantId, sealedColumns.staffTotpKey) })
    .where(eq(schema.staffMember.id, staff.id));
  await markSessionTwoFactorVerified(tx, who.sessionId);
  const actor = self(staff.id, staff.displayName, staff.tenantId, who.requestId);
  await appendAudit(tx, {
    ...actor,
    action: 'staff.totp_enrolled',
    objectType: 'staff_member',
    objectId: staff.id,
  });
  return staff;
}

export async function verifyTotp(
  tx: TenantTx,
  box: SecretBox,
  who: { staffId: string; sessionId: string },
  code: string,
) {
  const staff = await getStaffMember(tx, who.staffId);
  if (!staff.totpKeyEncrypted) throw new DomainError('bad-request', 'auth.totp_not_enrolled');
  if (
    !verifyTotpCode(box.decrypt(staff.totpKeyEncrypted, staff.tenantId, sealedColumns.staffTotpKey), code)
  ) {
    throw new DomainError('unauthorized', 'auth.totp_invalid', { field: 'code' });
  }
  await markSessionTwoFactorVerified(tx, who.sessionId);
  return staff;
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
  const home = await getOrganisation(tx, staff.organisationId);
  requireStaffManage(actor, home);
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
