import { requestResidentCode, ZRequestResidentCode } from '@linju/core';
import { districtSiteProcedure } from '../../trpc.ts';

/** The public site: an SMS code to the resident's mobile, within the limits (the answer says when to retry). */
export const requestCode = districtSiteProcedure
  .input(ZRequestResidentCode)
  .mutation(({ ctx, input }) =>
    requestResidentCode(
      ctx.db,
      ctx.box,
      { tenantId: ctx.district.id, ip: ctx.ip, requestId: ctx.requestId },
      input,
    ),
  );
