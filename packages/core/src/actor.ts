import { type Grant, grantsAllow, type Permission, roleAllows } from '@linju/auth';
import { DomainError } from './errors.ts';

/** Who is acting, as the server established it from the session (never from the client). */
export type Actor = {
  id: string | null;
  name: string;
  tenantId: string;
  grants: readonly Grant[];
  requestId?: string | null;
};

/** The platform itself acting (onboarding, seeding, workflows): all-permitted, audited by name. */
export const systemActor = (tenantId: string, name = 'system'): Actor => ({
  id: null,
  name,
  tenantId,
  grants: [
    { role: 'bureau-admin', organisationPath: '/' },
    { role: 'inspector', organisationPath: '/' },
  ],
});

export function requirePermission(actor: Actor, permission: Permission, organisationPath: string): void {
  if (!grantsAllow(actor.grants, permission, organisationPath)) {
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission } });
  }
}

/**
 * For what concerns the whole district rather than a unit (partners, settings, the audit log): a
 * grant on a root of the tree, i.e. the centre, where the bureau's own roles sit.
 */
export const canTenantWide = (actor: Actor, permission: Permission) =>
  actor.grants.some(
    (g) => roleAllows(g.role, permission) && g.organisationPath.split('/').filter(Boolean).length <= 1,
  );

export function requireTenantWide(actor: Actor, permission: Permission): void {
  if (!canTenantWide(actor, permission))
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission } });
}

export const auditActor = (actor: Actor) => ({
  actorId: actor.id,
  actorName: actor.name,
  requestId: actor.requestId ?? null,
});
