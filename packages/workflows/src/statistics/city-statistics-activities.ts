/** What the city sending's activities need from the outside world (the worker wires database and key). */
export interface CityStatisticsActivityDeps {
  /** Queues last month's sending under `requestKey` (idempotent); null when no city is set. */
  queueMonthly(input: { tenantId: string; requestKey: string }): Promise<{ sendId: string } | null>;
  /** Whether a “send now” sending has committed (its request starts the run inside its transaction). */
  visible(input: { tenantId: string; sendId: string }): Promise<boolean>;
  /** One delivery attempt; throws to be retried, or a non-retryable failure on a final refusal. */
  deliver(input: {
    tenantId: string;
    sendId: string;
  }): Promise<{ status: number; receipt: Record<string, unknown> }>;
  /** Records that the retries ran out. */
  abandon(input: { tenantId: string; sendId: string; error: string }): Promise<void>;
}

export function createCityStatisticsActivities(deps: CityStatisticsActivityDeps) {
  return {
    async queueMonthlyCityStatistics(input: { tenantId: string; requestKey: string }) {
      return deps.queueMonthly(input);
    },
    /** Fails (and is retried) until the sending is visible: its request is committing. */
    async awaitCityStatisticsSend(input: { tenantId: string; sendId: string }): Promise<void> {
      if (!(await deps.visible(input))) throw new Error(`sending ${input.sendId} not visible yet`);
    },
    async deliverCityStatistics(input: { tenantId: string; sendId: string }) {
      return deps.deliver(input);
    },
    async abandonCityStatistics(input: { tenantId: string; sendId: string; error: string }) {
      return deps.abandon(input);
    },
  };
}

export type CityStatisticsActivities = ReturnType<typeof createCityStatisticsActivities>;
