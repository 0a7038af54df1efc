import { activeTenants, takesCases } from '@linju/core';
import type { Database } from '@linju/db';
import { syncTenantSchedules } from '@linju/workflows';
import type { Client } from '@temporalio/client';

/**
 * Makes sure every active district has its schedules (escalation, monthly sweep, duty reminders,
 * plugins' daily work) on this worker's task queue, and that a city bureau has none. Run at worker
 * start: districts onboarded by the CLI or the demo seed, which have no Temporal client, get
 * theirs here; those onboarded through the API already have them.
 */
export async function ensureSchedulesForActiveTenants(
  client: Client,
  db: Database,
  taskQueue: string,
): Promise<{ tenants: number; created: string[]; deleted: string[] }> {
  const tenants = await activeTenants(db);
  const created: string[] = [];
  const deleted: string[] = [];
  for (const t of tenants) {
    const result = await syncTenantSchedules(client, {
      tenantId: t.id,
      timeZone: t.timeZone,
      taskQueue,
      takesCases: takesCases(t),
    });
    created.push(...result.created);
    deleted.push(...result.deleted);
  }
  return { tenants: tenants.length, created, deleted };
}
