import { activeTenants } from '@linju/core';
import type { Database } from '@linju/db';
import { ensureTenantSchedules } from '@linju/workflows';
import type { Client } from '@temporalio/client';

/**
 * Makes sure every active district has its schedules (escalation, monthly sweep) on this worker's
 * task queue. Run at worker start: districts onboarded by the CLI or the demo seed, which have no
 * Temporal client, get theirs here; those onboarded through the API already have them.
 */
export async function ensureSchedulesForActiveTenants(
  client: Client,
  db: Database,
  taskQueue: string,
): Promise<{ tenants: number; created: string[] }> {
  const tenants = await activeTenants(db);
  const created: string[] = [];
  for (const t of tenants) {
    const result = await ensureTenantSchedules(client, { tenantId: t.id, timeZone: t.timeZone, taskQueue });
    created.push(...result.created);
  }
  return { tenants: tenants.length, created };
}
