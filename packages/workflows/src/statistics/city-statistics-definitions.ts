/**
 * The monthly sending of a district's statistics to its city bureau (市局汇总). One schedule per
 * district that reports to a city, id `city-statistics:<tenantId>`; one workflow per sending.
 */
export const CITY_STATISTICS_WORKFLOW = 'cityStatisticsWorkflow';

/** A refusal by the city's node (a final 4xx): retrying cannot change its answer. */
export const CITY_STATISTICS_REFUSED_FAILURE = 'CityStatisticsRefused';

/**
 * What a run gets: the district, and a sending already queued (“send now”) — or none, and the
 * run queues last month's (the schedule).
 */
export type CityStatisticsRunInput = { tenantId: string; sendId?: string };

export type CityStatisticsRunResult = {
  sendId: string | null;
  outcome: 'delivered' | 'refused' | 'failed' | 'not-set';
  receipt?: Record<string, unknown>;
};

const checkedPart = (name: string, value: string) => {
  if (value === '' || value.includes(':'))
    throw new Error(`city statistics ids: ${name} must be non-empty and contain no ':' (got '${value}')`);
  return value;
};

/** The district's monthly schedule: a business key, so any process finds (or refuses to duplicate) it. */
export const cityStatisticsScheduleId = (tenantId: string) =>
  `city-statistics:${checkedPart('tenantId', tenantId)}`;

/** A “send now” run: one workflow per sending. */
export const citySendWorkflowId = (tenantId: string, sendId: string) =>
  `city-statistics-send:${checkedPart('tenantId', tenantId)}:${checkedPart('sendId', sendId)}`;
