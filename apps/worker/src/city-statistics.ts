import {
  abandonCitySend,
  activeTenants,
  citySendOf,
  citySettingOf,
  type DeliveringNode,
  deliverCitySend,
  queueMonthlyCitySend,
} from '@linju/core';
import { type Database, withTenant } from '@linju/db';
import {
  CITY_STATISTICS_REFUSED_FAILURE,
  type CityStatisticsActivities,
  createCityStatisticsActivities,
  ensureCityStatisticsSchedule,
} from '@linju/workflows';
import { ApplicationFailure, type Client } from '@temporalio/client';
import { deliveryFailure } from './delivery-failure.ts';

const FAILURE_TYPES = { refused: CITY_STATISTICS_REFUSED_FAILURE, unavailable: 'CityStatisticsUnavailable' };

/**
 * The city sending's activities over the database and this node's key (core records every
 * attempt on the sending); a delivery not kept fails as {@link deliveryFailure} says.
 */
export function createCityStatisticsRunActivities(
  db: Database,
  node?: DeliveringNode,
): CityStatisticsActivities {
  return createCityStatisticsActivities({
    queueMonthly: async ({ tenantId, requestKey }) => {
      const send = await withTenant(db, tenantId, (tx) => queueMonthlyCitySend(tx, { tenantId, requestKey }));
      return send ? { sendId: send.id } : null;
    },
    visible: async ({ tenantId, sendId }) =>
      (await withTenant(db, tenantId, (tx) => citySendOf(tx, sendId))) !== undefined,
    deliver: async (input) => {
      if (!node)
        throw ApplicationFailure.nonRetryable(
          'this worker has no node key: it cannot sign statistics for the city',
          CITY_STATISTICS_REFUSED_FAILURE,
        );
      const result = await deliverCitySend(db, node, input);
      if (result.outcome === 'delivered') return { status: result.status, receipt: result.receipt };
      throw deliveryFailure(result, FAILURE_TYPES);
    },
    abandon: (input) => abandonCitySend(db, input),
  });
}

/**
 * Brings the monthly sending schedule of every active district that reports to a city in line
 * with its setting: at worker start, for settings saved while Temporal was away.
 */
export async function ensureCityStatisticsSchedules(
  client: Client,
  db: Database,
  taskQueue: string,
): Promise<{ districts: number; created: string[] }> {
  const created: string[] = [];
  let districts = 0;
  for (const t of await activeTenants(db)) {
    const setting = await withTenant(db, t.id, (tx) => citySettingOf(tx));
    if (!setting) continue;
    districts += 1;
    const result = await ensureCityStatisticsSchedule(client, {
      tenantId: t.id,
      timeZone: t.timeZone,
      sendDay: setting.sendDay,
      taskQueue,
    });
    if (result.created) created.push(t.id);
  }
  return { districts, created };
}
