import {
  type Client,
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
} from '@temporalio/client';
import {
  CITY_STATISTICS_WORKFLOW,
  type CityStatisticsRunInput,
  cityStatisticsScheduleId,
} from './city-statistics-definitions.ts';

export type CityStatisticsScheduleOptions = {
  tenantId: string;
  /** The district's IANA time zone: "the 3rd at 06:00" is local. */
  timeZone: string;
  /** Day of the month on which last month is sent (1–28). */
  sendDay: number;
  taskQueue: string;
};

/**
 * Creates the district's monthly sending schedule, or brings an existing one to the setting (the
 * day may have changed). Called when the district saves its city, and by the worker at start
 * for every district that has one (a save made while Temporal was away).
 */
export async function ensureCityStatisticsSchedule(
  client: Client,
  options: CityStatisticsScheduleOptions,
): Promise<{ created: boolean }> {
  const scheduleId = cityStatisticsScheduleId(options.tenantId);
  const args: [CityStatisticsRunInput] = [{ tenantId: options.tenantId }];
  const spec = {
    calendars: [{ dayOfMonth: options.sendDay, hour: 6, minute: 0 }],
    timezone: options.timeZone,
  };
  const action = {
    type: 'startWorkflow' as const,
    workflowType: CITY_STATISTICS_WORKFLOW,
    workflowId: scheduleId,
    args,
    taskQueue: options.taskQueue,
  };
  const policies = { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' };
  try {
    await client.schedule.create({
      scheduleId,
      spec,
      action,
      policies,
      memo: { tenantId: options.tenantId },
    });
    return { created: true };
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action, policies }));
  return { created: false };
}

/** Removes the schedule of a district that no longer reports to a city; none is fine. */
export async function removeCityStatisticsSchedule(client: Client, tenantId: string): Promise<void> {
  try {
    await client.schedule.getHandle(cityStatisticsScheduleId(tenantId)).delete();
  } catch (error) {
    if (!(error instanceof ScheduleNotFoundError)) throw error;
  }
}
