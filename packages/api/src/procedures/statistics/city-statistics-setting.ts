import {
  clearCitySetting,
  getCitySetting,
  listPeers,
  setCitySetting,
  ZCitySettingRequest,
} from '@linju/core';
import {
  ensureCityStatisticsSchedule,
  REFERRAL_TASK_QUEUE,
  removeCityStatisticsSchedule,
} from '@linju/workflows';
import { type ApiContext, permittedProcedure, type TenantSession } from '../../trpc.ts';

/**
 * 上报市局: which city bureau the district reports its monthly statistics to, with what the form
 * offers (this node and the pinned peers).
 */
export const getSetting = permittedProcedure('statistics.read').query(async ({ ctx }) => ({
  setting: await getCitySetting(ctx.tx, ctx.actor),
  thisNode: ctx.temporal?.nodeId ?? null,
  peers: (await listPeers(ctx.tx)).map(({ nodeId, name }) => ({ nodeId, name })),
}));

type ScheduleContext = Pick<TenantSession, 'tenantId' | 'tenant' | 'afterCommit'> &
  Pick<ApiContext, 'temporal' | 'log'>;

/**
 * The monthly schedule follows the setting, once it has committed: a Temporal that is away only
 * defers it (the worker brings every district's schedule in line when it starts).
 */
function scheduleAfterCommit(ctx: ScheduleContext, sendDay: number | null) {
  const temporal = ctx.temporal;
  if (!temporal) return;
  ctx.afterCommit({
    name: 'city statistics schedule',
    run: async () => {
      try {
        if (sendDay === null) await removeCityStatisticsSchedule(temporal.client, ctx.tenantId);
        else
          await ensureCityStatisticsSchedule(temporal.client, {
            tenantId: ctx.tenantId,
            timeZone: ctx.tenant.timeZone,
            sendDay,
            taskQueue: temporal.taskQueue ?? REFERRAL_TASK_QUEUE,
          });
      } catch (error) {
        ctx.log.warn(
          { event: 'city-schedule-deferred', tenantId: ctx.tenantId, err: error },
          'city statistics schedule not updated; the worker does it at its next start',
        );
      }
    },
  });
}

/** Sets the district's city (audited) and creates or updates its monthly sending schedule. */
export const setSetting = permittedProcedure('statistics.city.manage')
  .input(ZCitySettingRequest)
  .mutation(async ({ ctx, input }) => {
    const setting = await setCitySetting(ctx.tx, ctx.actor, input, { nodeId: ctx.temporal?.nodeId ?? '' });
    scheduleAfterCommit(ctx, setting.sendDay);
    return setting;
  });

/** Stops reporting to a city (audited); the schedule is removed. */
export const clearSetting = permittedProcedure('statistics.city.manage').mutation(async ({ ctx }) => {
  await clearCitySetting(ctx.tx, ctx.actor);
  scheduleAfterCommit(ctx, null);
  return { cleared: true };
});
