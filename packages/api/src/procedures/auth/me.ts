import { validateSessionToken } from '@linju/auth';
import { isCityDivision, nextStep, publicStaffMember } from '@linju/core';
import { TRPCError } from '@trpc/server';
import { inTenantSession, publicProcedure } from '../../trpc.ts';

/** The signed-in person, their roles and tenant, and the sign-in step still due; null when not signed in. */
export const me = publicProcedure.query(async ({ ctx }) => {
  const session = ctx.sessionToken ? await validateSessionToken(ctx.db, ctx.sessionToken) : null;
  if (!session?.staffMemberId) return null;
  try {
    return await inTenantSession({ ...ctx, session }, async ({ staff, roleGrants, tenant }) => ({
      user: {
        ...publicStaffMember(staff),
        roles: roleGrants.map((g) => ({
          role: g.role,
          organisationId: g.organisationId,
          organisationNameZh: g.organisationNameZh,
          organisationNameEn: g.organisationNameEn,
        })),
      },
      tenant: {
        slug: tenant.slug,
        nameZh: tenant.nameZh,
        nameEn: tenant.nameEn,
        branding: tenant.branding,
        // A city bureau (市局) gets the districts' table first, not case intake.
        cityBureau: isCityDivision(tenant.divisionCode),
      },
      next: nextStep(staff, roleGrants, session.twoFactorVerified),
    }));
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN'))
      return null;
    throw error;
  }
});
