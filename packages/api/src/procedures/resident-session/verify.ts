import { verifyResidentCode, ZVerifyResidentCode } from '@linju/core';
import { districtSiteProcedure } from '../../trpc.ts';

/**
 * The public site: the code proves the phone, and the answer carries the resident session's token
 * for the `linju_resident` cookie (set by the admin app through the server, never shown).
 */
export const verify = districtSiteProcedure
  .meta({ guess: 'second-factor' })
  .input(ZVerifyResidentCode)
  .mutation(async ({ ctx, input }) => {
    const { token, cookieExpiresAt } = await verifyResidentCode(
      ctx.db,
      ctx.box,
      { tenantId: ctx.district.id, requestId: ctx.requestId },
      input,
    );
    return { residentToken: token, expiresAt: cookieExpiresAt };
  });
