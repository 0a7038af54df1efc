import { roleWithinCeiling } from '@linju/auth';
import { eq, schema, type TenantTx } from '@linju/db';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import {
  canManageStaffAt,
  getOrganisation,
  isPartnerKind,
  type Organisation,
  requireStaffManage,
} from '../organisations/organisation-service.ts';

/**
 * A partner user's role opens one partner's inbox and nothing of the network: it is the partner
 * managers' to give, as the partner is theirs, though none of them answers inboxes themselves.
 */
const withinReach = (actor: Actor, role: schema.Role, org: Organisation) =>
  canManageStaffAt(actor, org) &&
  (isPartnerKind(org.kind) || roleWithinCeiling(actor.grants, role, org.path));

/**
 * Granting or revoking `role` on `org` (also when creating an account): the actor manages the
 * people there and holds there, or above, everything the role may do. The bureau administrator's
 * role is named apart only for the clearer message: no other role carries its district settings.
 */
export function requireRoleWithinCeiling(actor: Actor, role: schema.Role, org: Organisation, field = 'role') {
  requireStaffManage(actor, org);
  if (withinReach(actor, role, org)) return;
  const bureauAdmin = actor.grants.some(
    (g) => g.role === 'bureau-admin' && org.path.startsWith(g.organisationPath),
  );
  throw new DomainError(
    'forbidden',
    role === 'bureau-admin' && !bureauAdmin ? 'staff.bureau_admin_only' : 'staff.role_above_ceiling',
    {
      field,
    },
  );
}

/** The message refusing each administrator's action on one's own account. */
const OWN_ACCOUNT_REFUSAL = {
  roles: 'staff.cannot_change_own_roles',
  password: 'staff.cannot_reset_own_password',
  disable: 'staff.cannot_disable_self',
  move: 'staff.cannot_move_self',
} as const;
export type AccountAction = keyof typeof OWN_ACCOUNT_REFUSAL;

/** Never through the administrator's path on one's own account: someone else must agree to it. */
export function requireNotSelf(actor: Actor, staffMemberId: string, action: AccountAction) {
  if (actor.id !== null && actor.id === staffMemberId)
    throw new DomainError('bad-request', OWN_ACCOUNT_REFUSAL[action], { field: 'staffMemberId' });
}

/**
 * Resetting a password, disabling (or enabling), moving or renaming a person takes over or
 * silences all they hold, so all of it must be within the actor's reach: their home unit, and
 * every role they hold where they hold it.
 */
export async function requirePersonWithinCeiling(
  tx: TenantTx,
  actor: Actor,
  person: { id: string; organisationId: string },
) {
  requireStaffManage(actor, await getOrganisation(tx, person.organisationId));
  const held = await tx
    .select({ role: schema.roleGrant.role, organisation: schema.organisation })
    .from(schema.roleGrant)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.roleGrant.organisationId))
    .where(eq(schema.roleGrant.staffMemberId, person.id));
  if (held.some((h) => !withinReach(actor, h.role, h.organisation)))
    throw new DomainError('forbidden', 'staff.person_above_ceiling', { field: 'staffMemberId' });
}
