import {
  claimSignInAttempt,
  createSession,
  hashPassword,
  needsTwoFactor,
  signInSucceeded,
  verifyPassword,
} from '@linju/auth';
import { type Database, withTenant } from '@linju/db';
import type { Role } from '@linju/db/schema';
import { DomainError } from '../errors.ts';
import { findStaffMemberByUsername, roleGrantsOf, type StaffMember } from '../staff/staff-service.ts';
import { findTenantBySlug } from '../tenants/tenant-queries.ts';

/** Where a signed-in person goes next: the second factor first, then a forced password change. */
export type SignInStep = 'home' | 'totp' | 'totp-setup' | 'change-password';

export function nextStep(
  staff: Pick<StaffMember, 'mustChangePassword' | 'totpKeyEncrypted'>,
  roles: readonly { role: Role }[],
  twoFactorVerified: boolean,
): SignInStep {
  if (!twoFactorVerified && needsTwoFactor(roles.map((r) => r.role))) {
    return staff.totpKeyEncrypted ? 'totp' : 'totp-setup';
  }
  return staff.mustChangePassword ? 'change-password' : 'home';
}

// Spends the same argon2 time on unknown usernames, so timing does not reveal who has an account.
const dummyHash = hashPassword('linju-timing-equaliser');
const burnTime = async () => {
  await verifyPassword(await dummyHash, 'not-the-password');
  return false;
};

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
  const staff = await withTenant(db, tenant.id, (tx) =>
    findStaffMemberByUsername(tx, request.username.toLowerCase()),
  );
  const ok =
    staff && !staff.disabledAt
      ? await verifyPassword(staff.passwordHash, request.password)
      : await burnTime();
  if (!staff || !ok) throw new DomainError('unauthorized', 'auth.invalid_credentials', { field: 'password' });

  return withTenant(db, tenant.id, async (tx) => {
    await signInSucceeded(tx, keys);
    const roles = await roleGrantsOf(tx, staff.id);
    const twoFactorVerified = !needsTwoFactor(roles.map((r) => r.role));
    const { token, session } = await createSession(
      tx,
      { tenantId: tenant.id, staffMemberId: staff.id },
      { twoFactorVerified },
    );
    return {
      sessionToken: token,
      expiresAt: session.expiresAt,
      next: nextStep(staff, roles, twoFactorVerified),
      tenant,
      staff,
    };
  });
}
