import { updateTenantBranding, ZTenantBrandingRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** The district's own display names and brand colour; always the caller's district, never one named. */
export const updateBranding = permittedProcedure('tenant.settings.manage')
  .input(ZTenantBrandingRequest)
  .mutation(({ ctx, input }) => updateTenantBranding(ctx.tx, ctx.actor, input));
