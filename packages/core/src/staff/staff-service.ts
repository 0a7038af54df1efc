import { randomUUID } from 'node:crypto';
import {
  type Grant,
  hashPassword,
  invalidateAllSessions,
  passwordStrongEnough,
  type SecretBox,
  scopesFor,
} from '@linju/auth';
import { and, asc, eq, inArray, isUniqueViolation, schema, sealedColumns, type TenantTx } from '@linju/db';
import { type Actor, auditActor, canTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import {
  getOrganisation,
  isPartnerKind,
  type Organisation,
  requireStaffManage,
} from '../organisations/organisation-service.ts';
import { maskPhone, seal } from '../personal-data/personal-data.ts';
import { requireNotSelf, requirePersonWithinCeiling, requireRoleWithinCeiling } from './role-ceiling.ts';
import {
  type CreateStaffMemberRequest,
  type UpdateStaffMemberRequest,
  ZCreateStaffMemberRequest,
  ZUpdateStaffMemberRequest,
} from './staff-schemas.ts';

export type StaffMember = typeof schema.staffMember.$inferSelect;

/** The partner-user role goes on partner organisations only, every other role on the network. */
function requireRoleFitsOrganisation(role: schema.Role, org: Organisation, field: string) {
  if ((role === 'partner-user') !== isPartnerKind(org.kind))
    throw new DomainError('bad-request', 'staff.role_organisation_mismatch', { field });
}

/** What may leave the server about a person: never the password hash or the TOTP key. */
export const publicStaffMember = (s: StaffMember, box?: SecretBox) => ({
  id: s.id,
  username: s.username,
  displayName: s.displayName,
  organisationId: s.organisationId,
  mustChangePassword: s.mustChangePassword,
  twoFactorEnrolled: s.totpKeyEncrypted !== null,
  phoneMasked:
    s.phoneEncrypted && box
      ? maskPhone(box.decrypt(s.phoneEncrypted, s.tenantId, sealedColumns.staffPhone))
      : null,
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

/** The person's row, locked until the transaction ends: for changes that must not interleave (a second factor). */
export async function lockStaffMember(tx: TenantTx, id: string): Promise<StaffMember> {
  const [row] = await tx.select().from(schema.staffMember).where(eq(schema.staffMember.id, id)).for('update');
  if (!row) throw new DomainError('not-found', 'staff.not_found', { field: 'id' });
  return row;
}

export type RoleGrantView = {
  role: schema.Role;
  organisationId: string;
  organisationPath: string;
  organisationNameZh: string;
  organisationNameEn: string;
};

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

export async function createStaffMember(
  tx: TenantTx,
  actor: Actor,
  request: CreateStaffMemberRequest,
  box?: SecretBox,
) {
  const input = ZCreateStaffMemberRequest.parse(request);
  if (input.phone && !box) throw new Error('createStaffMember needs the secret box to store a phone number');
  const phone = input.phone && box ? seal(box, input.phone, actor.tenantId, sealedColumns.staffPhone) : null;
  if (!passwordStrongEnough(input.password)) {
    throw new DomainError('bad-request', 'auth.password_too_weak', { field: 'password' });
  }
  const home = await getOrganisation(tx, input.organisationId);
  requireStaffManage(actor, home);
  const grantOrgs = await Promise.all(input.roles.map((r) => getOrganisation(tx, r.organisationId)));
  input.roles.forEach((r, i) => {
    const org = grantOrgs[i] as Organisation;
    requireRoleFitsOrganisation(r.role, org, `roles.${i}.organisationId`);
    requireRoleWithinCeiling(actor, r.role, org, `roles.${i}.role`);
  });
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
    phoneEncrypted: phone?.encrypted ?? null,
    phoneIndex: phone?.index ?? null,
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
    .values(
      input.roles.map((r) => ({ tenantId: actor.tenantId, id: randomUUID(), staffMemberId: id, ...r })),
    );
  const after = {
    ...publicStaffMember(
      { ...values, totpKeyEncrypted: null, totpLastUsedStep: null, createdAt: new Date(), disabledAt: null },
      box,
    ),
    roles: input.roles,
  };
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'staff.created',
    objectType: 'staff_member',
    objectId: id,
    after,
  });
  return after;
}

/** The people the actor may see: those whose home unit lies in a subtree where they hold `staff.read`. */
export async function listStaffMembers(tx: TenantTx, actor: Actor, box: SecretBox) {
  const scopes = scopesFor(actor.grants, 'staff.read');
  if (scopes.length === 0) throw new DomainError('forbidden', 'auth.forbidden');
  const rows = await tx
    .select({ staff: schema.staffMember, path: schema.organisation.path, kind: schema.organisation.kind })
    .from(schema.staffMember)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.staffMember.organisationId))
    .orderBy(asc(schema.staffMember.username));
  const seesPartners = canTenantWide(actor, 'partner.manage');
  const visible = rows.filter(
    (r) => scopes.some((scope) => r.path.startsWith(scope)) || (seesPartners && isPartnerKind(r.kind)),
  );
  const grants = await tx.select().from(schema.roleGrant);
  return visible.map(({ staff }) => ({
    ...publicStaffMember(staff, box),
    roles: grants
      .filter((g) => g.staffMemberId === staff.id)
      .map((g) => ({ role: g.role, organisationId: g.organisationId })),
  }));
}

/** The full number, for someone allowed to manage the person; the reading itself is audited. */
export async function revealStaffPhone(tx: TenantTx, actor: Actor, box: SecretBox, staffMemberId: string) {
  const staff = await getStaffMember(tx, staffMemberId);
  requireStaffManage(actor, await getOrganisation(tx, staff.organisationId));
  if (!staff.phoneEncrypted) return { phone: null };
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'personal_data.revealed',
    objectType: 'staff_member',
    objectId: staff.id,
    after: { field: 'phone' },
  });
  return { phone: box.decrypt(staff.phoneEncrypted, staff.tenantId, sealedColumns.staffPhone) };
}

/** Finds people by exact phone number through the blind index, never by decrypting every row. */
export async function findStaffByPhone(tx: TenantTx, actor: Actor, box: SecretBox, phone: string) {
  const matches = await tx
    .select()
    .from(schema.staffMember)
    .where(inArray(schema.staffMember.phoneIndex, box.blindIndexes(phone, actor.tenantId)));
  const scopes = scopesFor(actor.grants, 'staff.read');
  const homes = await Promise.all(matches.map((m) => getOrganisation(tx, m.organisationId)));
  return matches
    .filter((_, i) => scopes.some((scope) => homes[i]?.path.startsWith(scope)))
    .map((m) => publicStaffMember(m, box));
}

export async function grantRole(
  tx: TenantTx,
  actor: Actor,
  input: { staffMemberId: string; role: schema.Role; organisationId: string },
) {
  const [staff, org, held] = await Promise.all([
    getStaffMember(tx, input.staffMemberId),
    getOrganisation(tx, input.organisationId),
    tx
      .select({ role: schema.roleGrant.role })
      .from(schema.roleGrant)
      .where(eq(schema.roleGrant.staffMemberId, input.staffMemberId)),
  ]);
  requireNotSelf(actor, staff.id, 'roles');
  requireRoleFitsOrganisation(input.role, org, 'organisationId');
  requireRoleWithinCeiling(actor, input.role, org);
  // As at creation: a partner's user answers its inbox and holds nothing of the network.
  if (held.some((h) => (h.role === 'partner-user') !== (input.role === 'partner-user')))
    throw new DomainError('bad-request', 'staff.partner_roles_exclusive', { field: 'role' });
  const [created] = await tx
    .insert(schema.roleGrant)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      staffMemberId: staff.id,
      role: input.role,
      organisationId: org.id,
    })
    .onConflictDoNothing()
    .returning();
  if (created) {
    await appendAudit(tx, {
      ...auditActor(actor),
      action: 'staff.role_granted',
      objectType: 'staff_member',
      objectId: staff.id,
      after: input,
    });
  }
  return { granted: Boolean(created) };
}

export async function revokeRole(
  tx: TenantTx,
  actor: Actor,
  input: { staffMemberId: string; role: schema.Role; organisationId: string },
) {
  requireNotSelf(actor, input.staffMemberId, 'roles');
  requireRoleWithinCeiling(actor, input.role, await getOrganisation(tx, input.organisationId));
  const removed = await tx
    .delete(schema.roleGrant)
    .where(
      and(
        eq(schema.roleGrant.staffMemberId, input.staffMemberId),
        eq(schema.roleGrant.role, input.role),
        eq(schema.roleGrant.organisationId, input.organisationId),
      ),
    )
    .returning();
  if (removed.length > 0) {
    await appendAudit(tx, {
      ...auditActor(actor),
      action: 'staff.role_revoked',
      objectType: 'staff_member',
      objectId: input.staffMemberId,
      before: input,
    });
  }
  return { revoked: removed.length > 0 };
}

/** Disabling ends every session at once; the account and its history stay. */
export async function setStaffDisabled(
  tx: TenantTx,
  actor: Actor,
  input: { staffMemberId: string; disabled: boolean },
) {
  const staff = await getStaffMember(tx, input.staffMemberId);
  requireNotSelf(actor, staff.id, 'disable');
  await requirePersonWithinCeiling(tx, actor, staff);
  await tx
    .update(schema.staffMember)
    .set({ disabledAt: input.disabled ? new Date() : null })
    .where(eq(schema.staffMember.id, staff.id));
  if (input.disabled) await invalidateAllSessions(tx, staff.tenantId, staff.id);
  await appendAudit(tx, {
    ...auditActor(actor),
    action: input.disabled ? 'staff.disabled' : 'staff.enabled',
    objectType: 'staff_member',
    objectId: staff.id,
  });
  return { disabled: input.disabled };
}

/**
 * Corrects a person's name, phone or home unit. Managers of both the old and the new unit may;
 * a partner user stays with their partner organisation and district staff stay in the network.
 */
export async function updateStaffMember(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  request: UpdateStaffMemberRequest,
) {
  const { id, data } = ZUpdateStaffMemberRequest.parse(request);
  const before = await getStaffMember(tx, id);
  const home = await getOrganisation(tx, before.organisationId);
  await requirePersonWithinCeiling(tx, actor, before);
  if (data.organisationId && data.organisationId !== before.organisationId) {
    requireNotSelf(actor, before.id, 'move');
    const target = await getOrganisation(tx, data.organisationId);
    requireStaffManage(actor, target);
    if (isPartnerKind(target.kind) !== isPartnerKind(home.kind))
      throw new DomainError('bad-request', 'staff.role_organisation_mismatch', { field: 'organisationId' });
  }
  const phone =
    data.phone === undefined
      ? undefined
      : data.phone === null
        ? null
        : seal(box, data.phone, actor.tenantId, sealedColumns.staffPhone);
  const [after] = await tx
    .update(schema.staffMember)
    .set({
      ...(data.displayName ? { displayName: data.displayName } : {}),
      ...(data.organisationId ? { organisationId: data.organisationId } : {}),
      ...(phone === undefined
        ? {}
        : { phoneEncrypted: phone?.encrypted ?? null, phoneIndex: phone?.index ?? null }),
    })
    .where(eq(schema.staffMember.id, id))
    .returning();
  if (!after) throw new Error('staff update returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'staff.updated',
    objectType: 'staff_member',
    objectId: id,
    before: publicStaffMember(before, box),
    after: publicStaffMember(after, box),
  });
  return publicStaffMember(after, box);
}
