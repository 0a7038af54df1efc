import { randomUUID } from 'node:crypto';
import { grantsAllow } from '@linju/auth';
import { and, asc, eq, like, schema, sql, type TenantTx } from '@linju/db';
import { type Actor, auditActor, canTenantWide, requirePermission, requireTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import {
  ALLOWED_PARENT_KINDS,
  type CreateOrganisationRequest,
  ZCreateOrganisationRequest,
  ZOrganisationDetails,
} from './organisation-schemas.ts';

export type Organisation = typeof schema.organisation.$inferSelect;

const PARTNER_KINDS: readonly string[] = schema.PARTNER_ORGANISATION_KINDS;
export const isPartnerKind = (kind: string) => PARTNER_KINDS.includes(kind);

/** Partners stand outside the tree: managing them is a district-wide right, not a subtree's. */
function requireManage(actor: Actor, org: Organisation) {
  if (isPartnerKind(org.kind)) requireTenantWide(actor, 'partner.manage');
  else requirePermission(actor, 'organisation.manage', org.path);
}

/** Managing people of a unit; a partner's users are the district's to manage, like the partner. */
export const canManageStaffAt = (actor: Actor, org: Organisation) =>
  isPartnerKind(org.kind)
    ? canTenantWide(actor, 'partner.manage')
    : grantsAllow(actor.grants, 'staff.manage', org.path);

export function requireStaffManage(actor: Actor, org: Organisation) {
  if (!canManageStaffAt(actor, org)) {
    const permission = isPartnerKind(org.kind) ? 'partner.manage' : 'staff.manage';
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission } });
  }
}

export async function getOrganisation(tx: TenantTx, id: string): Promise<Organisation> {
  const [row] = await tx.select().from(schema.organisation).where(eq(schema.organisation.id, id));
  if (!row) throw new DomainError('not-found', 'organisation.not_found', { field: 'id' });
  return row;
}

/** Organisations the actor may read: the subtrees of their grants, partners for every staff member. */
export async function listOrganisations(tx: TenantTx, actor: Actor): Promise<Organisation[]> {
  const all = await tx.select().from(schema.organisation).orderBy(asc(schema.organisation.path));
  const scopes = actor.grants.map((g) => g.organisationPath);
  return all.filter((o) => isPartnerKind(o.kind) || scopes.some((scope) => o.path.startsWith(scope)));
}

export async function subtreeOf(tx: TenantTx, path: string): Promise<Organisation[]> {
  return tx
    .select()
    .from(schema.organisation)
    .where(like(schema.organisation.path, `${path}%`))
    .orderBy(asc(schema.organisation.path));
}

export async function createOrganisation(tx: TenantTx, actor: Actor, request: CreateOrganisationRequest) {
  const input = ZCreateOrganisationRequest.parse(request);
  const allowedParents = ALLOWED_PARENT_KINDS[input.kind];
  const id = randomUUID();
  let path = `/${id}/`;
  if (allowedParents) {
    if (!input.parentId)
      throw new DomainError('bad-request', 'organisation.parent_required', { field: 'parentId' });
    const parent = await getOrganisation(tx, input.parentId);
    if (!allowedParents.includes(parent.kind)) {
      throw new DomainError('bad-request', 'organisation.parent_kind_invalid', { field: 'parentId' });
    }
    if (parent.closedAt)
      throw new DomainError('bad-request', 'organisation.parent_closed', { field: 'parentId' });
    requirePermission(actor, 'organisation.manage', parent.path);
    path = `${parent.path}${id}/`;
  } else {
    if (input.parentId)
      throw new DomainError('bad-request', 'organisation.parent_not_allowed', { field: 'parentId' });
    requireTenantWide(actor, isPartnerKind(input.kind) ? 'partner.manage' : 'tenant.settings.manage');
  }
  const [created] = await tx
    .insert(schema.organisation)
    .values({ ...input, parentId: input.parentId ?? null, tenantId: actor.tenantId, id, path })
    .returning();
  if (!created) throw new Error('organisation insert returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'organisation.created',
    objectType: 'organisation',
    objectId: id,
    after: created,
  });
  return created;
}

/** Closing keeps the unit and its history; it only stops new work arriving there. */
export async function closeOrganisation(tx: TenantTx, actor: Actor, id: string) {
  const before = await getOrganisation(tx, id);
  requireManage(actor, before);
  if (before.closedAt) return before;
  const [after] = await tx
    .update(schema.organisation)
    .set({ closedAt: new Date() })
    .where(and(eq(schema.organisation.tenantId, actor.tenantId), eq(schema.organisation.id, id)))
    .returning();
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'organisation.closed',
    objectType: 'organisation',
    objectId: id,
    before,
    after,
  });
  return after;
}

/** Renames a unit or changes its address, hours, phone or coordinates. */
export async function updateOrganisation(tx: TenantTx, actor: Actor, id: string, data: unknown) {
  const details = ZOrganisationDetails.partial().parse(data);
  const before = await getOrganisation(tx, id);
  requireManage(actor, before);
  const [after] = await tx
    .update(schema.organisation)
    .set(details)
    .where(and(eq(schema.organisation.tenantId, actor.tenantId), eq(schema.organisation.id, id)))
    .returning();
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'organisation.updated',
    objectType: 'organisation',
    objectId: id,
    before,
    after,
  });
  return after as Organisation;
}

/**
 * Moves a unit (and everything below it) under another parent of an allowed kind: the subtree's
 * paths are rewritten in one statement, so grants on the moved units keep covering them.
 */
export async function moveOrganisation(tx: TenantTx, actor: Actor, input: { id: string; parentId: string }) {
  const unit = await getOrganisation(tx, input.id);
  const parent = await getOrganisation(tx, input.parentId);
  const allowed = ALLOWED_PARENT_KINDS[unit.kind];
  if (!allowed?.includes(parent.kind)) {
    throw new DomainError('bad-request', 'organisation.parent_kind_invalid', { field: 'parentId' });
  }
  if (parent.path.startsWith(unit.path))
    throw new DomainError('bad-request', 'organisation.move_into_itself', { field: 'parentId' });
  if (parent.closedAt)
    throw new DomainError('bad-request', 'organisation.parent_closed', { field: 'parentId' });
  requirePermission(actor, 'organisation.manage', unit.path);
  requirePermission(actor, 'organisation.manage', parent.path);
  const newPath = `${parent.path}${unit.id}/`;
  await tx
    .update(schema.organisation)
    .set({ path: sql`${newPath} || substr(${schema.organisation.path}, ${unit.path.length + 1})` })
    .where(like(schema.organisation.path, `${unit.path}%`));
  await tx
    .update(schema.organisation)
    .set({ parentId: parent.id })
    .where(eq(schema.organisation.id, unit.id));
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'organisation.moved',
    objectType: 'organisation',
    objectId: unit.id,
    before: { parentId: unit.parentId },
    after: { parentId: parent.id },
  });
  return getOrganisation(tx, unit.id);
}
