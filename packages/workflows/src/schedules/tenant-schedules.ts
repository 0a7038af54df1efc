import {
  type Client,
  ScheduleAlreadyRunning,
  ScheduleNotFoundError,
  ScheduleOverlapPolicy,
} from '@temporalio/client';
import { connectTemporalClient, type TemporalClientSettings } from '../temporal-client.ts';
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
 * the district's, a city bureau the city's ({@link ensureTenantSchedules}). A city bureau's
 * district schedules, made for it by an older worker (an empty monthly sweep), are deleted; a
 * district never had a city's, so nothing is asked of Temporal for it beyond the ensure. Answers
 * the ids created and deleted.
 */
export async function syncTenantSchedules(
  client: Client,
  options: TenantScheduleOptions & { takesCases: boolean },
): Promise<{ created: string[]; deleted: string[] }> {
  if (options.takesCases) return { ...(await ensureTenantSchedules(client, options)), deleted: [] };
  const { created } = await ensureTenantSchedules(client, { ...options, bureau: 'city' });
  return { created, deleted: await deleteSchedules(client, options.tenantId, kindsFor('district')) };
}

async function deleteSchedules(
  client: Client,
  tenantId: string,
  kinds: TenantScheduleKind[],
): Promise<string[]> {
  const deleted: string[] = [];
  for (const kind of kinds) {
    const scheduleId = tenantScheduleId(kind, tenantId);
    try {
      await client.schedule.getHandle(scheduleId).delete();
      deleted.push(scheduleId);
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    }
  }
  return deleted;
}

/**
 * Every schedule a tenant may have (a district's and a city's), deleted: the district was erased
 * (`linju tenant offboard`), and the reconciler only ever creates. Answers the ids deleted.
 */
export async function deleteTenantSchedules(
  temporal: TemporalClientSettings,
  tenantId: string,
): Promise<string[]> {
  const client = await connectTemporalClient(temporal);
  try {
    return await deleteSchedules(client, tenantId, Object.keys(TENANT_SCHEDULES) as TenantScheduleKind[]);
  } finally {
    await client.connection.close();
  }
}
