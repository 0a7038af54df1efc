import {
  type Client,
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
} from '@temporalio/client';
import {
  TENANT_SCHEDULES,
  type TenantRunInput,
  type TenantScheduleKind,
  tenantScheduleId,
} from './definitions.ts';

export type TenantScheduleOptions = {
  tenantId: string;
  /** The district's IANA time zone: "07:00" and "the 18th" are local (Asia/Shanghai by default). */
  timeZone: string;
  /** The worker's task queue. */
  taskQueue: string;
};

/** The schedules a tenant has: a district's, or a city bureau's. */
const kindsFor = (bureau: 'district' | 'city') =>
  (Object.keys(TENANT_SCHEDULES) as TenantScheduleKind[]).filter(
    (kind) => TENANT_SCHEDULES[kind].bureau === bureau,
  );

/**
 * Creates the tenant's schedules that do not exist yet (a district's unless `bureau` says a city
 * bureau's); existing ones are left as they are (an operator may have paused one). Returns the ids
 * of those created. Called at onboarding and, for every active tenant, when the worker starts
 * (which covers the demo seed and the CLI).
 */
export async function ensureTenantSchedules(
  client: Client,
  options: TenantScheduleOptions & { bureau?: 'district' | 'city' },
): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const kind of kindsFor(options.bureau ?? 'district')) {
    const { workflowType, calendar } = TENANT_SCHEDULES[kind];
    const scheduleId = tenantScheduleId(kind, options.tenantId);
    const args: [TenantRunInput] = [{ tenantId: options.tenantId }];
    try {
      await client.schedule.create({
        scheduleId,
        spec: { calendars: [calendar], timezone: options.timeZone },
        action: {
          type: 'startWorkflow',
          workflowType,
          workflowId: scheduleId,
          args,
          taskQueue: options.taskQueue,
        },
        policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
        memo: { tenantId: options.tenantId },
      });
      created.push(scheduleId);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
  }
  return { created };
}

/**
 * A tenant's schedules as what it is: a district (which takes cases, core's `takesCases`) gets
 * the district's, a city bureau the city's ({@link ensureTenantSchedules}); the other kind's,
 * made for it by an older worker (a city's empty monthly sweep), are deleted. Answers the ids
 * created and deleted.
 */
export async function syncTenantSchedules(
  client: Client,
  options: TenantScheduleOptions & { takesCases: boolean },
): Promise<{ created: string[]; deleted: string[] }> {
  const bureau = options.takesCases ? 'district' : 'city';
  const { created } = await ensureTenantSchedules(client, { ...options, bureau });
  const deleted: string[] = [];
  for (const kind of kindsFor(options.takesCases ? 'city' : 'district')) {
    const scheduleId = tenantScheduleId(kind, options.tenantId);
    try {
      await client.schedule.getHandle(scheduleId).delete();
      deleted.push(scheduleId);
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    }
  }
  return { created, deleted };
}
