import { signOutResident } from '@linju/core';
import { districtSiteProcedure } from '../../trpc.ts';

/** The public site: ends the resident's session here (the admin app then clears the cookie). */
export const signOut = districtSiteProcedure.mutation(async ({ ctx }) => {
  if (ctx.resident) {
    await signOutResident(
      ctx.db,
      { tenantId: ctx.district.id, requestId: ctx.requestId },
      ctx.resident.sessionId,
    );
  }
  return { ok: true as const };
});
