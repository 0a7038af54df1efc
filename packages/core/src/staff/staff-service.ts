import { randomUUID } from 'node:crypto';
import { type Grant, hashPassword, passwordStrongEnough } from '@linju/auth';
import { eq, isUniqueViolation, schema, type TenantTx } from '@linju/db';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation } from '../organisations/organisation-service.ts';
import { type CreateStaffMemberRequest, ZCreateStaffMemberRequest } from './staff-schemas.ts';

export type StaffMember = typeof schema.staffMember.$inferSelect;

/** What may leave the server about a person: never the password hash or the TOTP key. */
export const publicStaffMember = (s: StaffMember) => ({
  id: s.id,
  username: s.username,
  displayName: s.displayName,
  organisationId: s.organisationId,
  mustChangePassword: s.mustChangePassword,
  twoFactorEnrolled: s.totpKeyEncrypted !== null,
  disabledAt: s.disabledAt,
});

export async function findStaffMemberByUsername(tx: TenantTx, username: string): Promise<StaffMember | null> {
  const [row] = await tx.select().from(schema.staffMember).where(eq(schema.staffMember.username, username));
  return row ?? null;
}

export async function getStaffMember(tx: TenantTx, id: string): Promise<StaffMember> {
  const [row] = await tx.select().from(schema.staffMember).where(eq(schema.staffMember.id, id));
  if (!row) throw new DomainError('not-found', 'staff.not_found', { field: 'id' });
  return row;
}

export type RoleGrantView = { role: schema.Role; organisationId: string; organisationPath: string; organisationNameZh: string; organisationNameEn: string };

export async function roleGrantsOf(tx: TenantTx, staffMemberId: string): Promise<RoleGrantView[]> {
  return tx
    .select({
      role: schema.roleGrant.role,
      organisationId: schema.roleGrant.organisationId,
      organisationPath: schema.organisation.path,
      organisationNameZh: schema.organisation.nameZh,
      organisationNameEn: schema.organisation.nameEn,
    })
    .from(schema.roleGrant)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.roleGrant.organisationId))
    .where(eq(schema.roleGrant.staffMemberId, staffMemberId));
}

export const grantsOf = (views: readonly RoleGrantView[]): Grant[] =>
  views.map((v) => ({ role: v.role, organisationPath: v.organisationPath }));

export async function createStaffMember(tx: TenantTx, actor: Actor, request: CreateStaffMemberRequest) {
  const input = ZCreateStaffMemberRequest.parse(request);
  if (!passwordStrongEnough(input.password)) {
    throw new DomainError('bad-request', 'auth.password_too_weak', { field: 'password' });
  }
  const home = await getOrganisation(tx, input.organisationId);
  requirePermission(actor, 'staff.manage', home.path);
  const grantOrgs = await Promise.all(input.roles.map((r) => getOrganisation(tx, r.organisationId)));
  for (const org of grantOrgs) requirePermission(actor, 'staff.manage', org.path);
  const partnerRoles = input.roles.filter((r) => r.role === 'partner-user');
  if (partnerRoles.length > 0 && partnerRoles.length !== input.roles.length) {
    throw new DomainError('bad-request', 'staff.partner_roles_exclusive', { field: 'roles' });
  }

  const id = randomUUID();
  const values = {
    tenantId: actor.tenantId,
    id,
    username: input.username,
    displayName: input.displayName,
    organisationId: input.organisationId,
    passwordHash: await hashPassword(input.password),
    mustChangePassword: input.mustChangePassword,
  };
  try {
    await tx.insert(schema.staffMember).values(values);
  } catch (error) {
    if (isUniqueViolation(error, 'staff_member_username_unique')) {
      throw new DomainError('conflict', 'staff.username_taken', { field: 'username' });
    }
    throw error;
  }
  await tx
    .insert(schema.roleGrant)
    .values(input.roles.map((r) => ({ tenantId: actor.tenantId, id: randomUUID(), staffMemberId: id, ...r })));
  const after = { ...publicStaffMember({ ...values, totpKeyEncrypted: null, createdAt: new Date(), disabledAt: null }), roles: input.roles };
  await appendAudit(tx, { ...auditActor(actor), action: 'staff.created', objectType: 'staff_member', objectId: id, after });
  return after;
}
