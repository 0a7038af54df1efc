import { onboardTenant as onboard, takesCases, ZOnboardTenantRequest } from '@linju/core';
import { REFERRAL_TASK_QUEUE, syncTenantSchedules } from '@linju/workflows';
import { platformProcedure } from '../../trpc.ts';

export const onboardTenant = platformProcedure
  .input(ZOnboardTenantRequest)
  .mutation(async ({ ctx, input }) => {
    const { tenant, created } = await onboard(ctx.db, input, {
      operatorId: ctx.operatorId,
      operatorName: 'platform',
    });
    // The district's daily escalation and monthly sweep (none for a city bureau). After the commit:
    // a district is onboarded even while Temporal is away, and the worker creates any missing
    // schedule when it starts.
    if (ctx.temporal) {
      try {
        await syncTenantSchedules(ctx.temporal.client, {
          tenantId: tenant.id,
          timeZone: tenant.timeZone,
          taskQueue: ctx.temporal.taskQueue ?? REFERRAL_TASK_QUEUE,
          takesCases: takesCases(tenant),
        });
      } catch (error) {
        ctx.log.warn(
          { event: 'schedules-deferred', tenantId: tenant.id, err: error },
          'schedules not created; the worker creates them at its next start',
        );
      }
    }
    return { id: tenant.id, slug: tenant.slug, created };
  });
