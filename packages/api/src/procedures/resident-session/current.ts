import { maskPhone } from '@linju/core';
import { districtSiteProcedure } from '../../trpc.ts';

/**
 * The public site: the resident this browser proved in this district, or null. The phone goes to
 * the resident's own pages only (prefilling their forms); shown, it is `phoneMasked`.
 */
export const current = districtSiteProcedure.query(({ ctx }) =>
  ctx.resident ? { phone: ctx.resident.phone, phoneMasked: maskPhone(ctx.resident.phone) } : null,
);
