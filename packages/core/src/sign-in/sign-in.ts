import {
  claimSignInAttempt,
  createSession,
  needsTwoFactor,
  passwordMatches,
  signInSucceeded,
} from '@linju/auth';
import { type Database, withTenant } from '@linju/db';
import type { Role } from '@linju/db/schema';
import { DomainError } from '../errors.ts';
import { findStaffMemberByUsername, roleGrantsOf, type StaffMember } from '../staff/staff-service.ts';
import { findTenantBySlug } from '../tenants/tenant-queries.ts';

/** Where a signed-in person goes next: the second factor first, then a forced password change. */
export type SignInStep = 'home' | 'totp' | 'totp-setup' | 'change-password';

/**
 * Whether the person must give a second factor: their roles need one (administrators), or they
 * enrolled one. Asked of the person's current grants on every request, so a role granted to
 * someone already signed in takes effect at once.
 */
export const secondFactorRequired = (
  staff: Pick<StaffMember, 'totpKeyEncrypted'>,
  roles: readonly { role: Role }[],
) => staff.totpKeyEncrypted !== null || needsTwoFactor(roles.map((r) => r.role));

/** `twoFactorVerified`: a code was accepted in this session (see `session.two_factor_verified`). */
export function nextStep(
  staff: Pick<StaffMember, 'mustChangePassword' | 'totpKeyEncrypted'>,
  roles: readonly { role: Role }[],
  twoFactorVerified: boolean,
): SignInStep {
  if (!twoFactorVerified && secondFactorRequired(staff, roles)) {
    return staff.totpKeyEncrypted ? 'totp' : 'totp-setup';
  }
  return staff.mustChangePassword ? 'change-password' : 'home';
}

export type SignInRequest = { tenantSlug: string; username: string; password: string; ip: string };

export async function signIn(db: Database, request: SignInRequest) {
  const tenant = await findTenantBySlug(db, request.tenantSlug);
  if (!tenant) throw new DomainError('not-found', 'tenant.not_found', { field: 'tenantSlug' });
  if (tenant.status !== 'active') throw new DomainError('forbidden', 'tenant.suspended');

  const keys = { account: `account:${tenant.id}:${request.username.toLowerCase()}`, ip: `ip:${request.ip}` };
  // Counted before the password is checked, so parallel guesses cannot all go first.
  const wait = await claimSignInAttempt(db, keys);
  if (wait > 0) throw new DomainError('throttled', 'auth.throttled', { params: { seconds: wait } });

  // The password is checked outside any transaction: argon2 takes a while and holds no connection.
  // An unknown or disabled account costs the same argon2 work, so timing tells no usernames.
  const staff = await withTenant(db, tenant.id, (tx) =>
    findStaffMemberByUsername(tx, request.username.toLowerCase()),
  );
  const ok = await passwordMatches(staff && !staff.disabledAt ? staff.passwordHash : null, request.password);
  if (!staff || !ok) throw new DomainError('unauthorized', 'auth.invalid_credentials', { field: 'password' });

  return withTenant(db, tenant.id, async (tx) => {
    await signInSucceeded(tx, keys);
    const roles = await roleGrantsOf(tx, staff.id);
    const { token, session } = await createSession(
      tx,
      { tenantId: tenant.id, staffMemberId: staff.id },
      { twoFactorVerified: false },
    );
    return {
      sessionToken: token,
      expiresAt: session.expiresAt,
      next: nextStep(staff, roles, false),
      tenant,
      staff,
    };
  });
}
