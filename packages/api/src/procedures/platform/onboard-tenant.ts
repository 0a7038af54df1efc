import { onboardTenant as onboard, ZOnboardTenantRequest } from '@linju/core';
import { platformProcedure } from '../../trpc.ts';

export const onboardTenant = platformProcedure
  .input(ZOnboardTenantRequest)
  .mutation(async ({ ctx, input }) => {
    const { tenant, created } = await onboard(ctx.db, input, {
      operatorId: ctx.operatorId,
      operatorName: 'platform',
    });
    return { id: tenant.id, slug: tenant.slug, created };
  });
