import { Connection } from '@temporalio/client';
import type { TemporalConnectionOptions } from './temporal-connection.ts';

/** How long a check's answer stands before the next probe starts another. */
export const TEMPORAL_HEALTH_FRESH_MS = 5000;

type Connect = (
  options: Parameters<typeof Connection.connect>[0],
) => Promise<Pick<Connection, 'withDeadline' | 'healthService' | 'close'>>;

/**
 * One long-lived connection to Temporal, opened on first use and reopened after a failure;
 * a check asks the server's gRPC health service with a short deadline.
 *
 * `healthy()` answers the last known state at once while a newer check runs: a load balancer's
 * readiness probe (Kubernetes waits 1 s by default) must never time out because Temporal is
 * down, since Temporal down is no reason to take a server out. Only the very first call waits.
 */
export function temporalHealth(
  temporal: TemporalConnectionOptions,
  connect: Connect = (options) => Connection.connect(options),
) {
  let connection: ReturnType<Connect> | null = null;
  let last: { healthy: boolean; at: number } | null = null;
  let checking: Promise<boolean> | null = null;

  async function check(): Promise<boolean> {
    try {
      connection ??= connect({ ...temporal, connectTimeout: 2000 });
      const conn = await connection;
      const answer = await conn.withDeadline(Date.now() + 2000, () => conn.healthService.check({}));
      return answer.status === 1; // SERVING
    } catch {
      const failed = connection;
      connection = null;
      await failed?.then((c) => c.close()).catch(() => {});
      return false;
    }
  }

  return {
    healthy(): Promise<boolean> {
      if (last && Date.now() - last.at < TEMPORAL_HEALTH_FRESH_MS) return Promise.resolve(last.healthy);
      checking ??= check()
        .then((healthy) => {
          last = { healthy, at: Date.now() };
          return healthy;
        })
        .finally(() => {
          checking = null;
        });
      return last ? Promise.resolve(last.healthy) : checking;
    },
    async close() {
      await connection?.then((c) => c.close()).catch(() => {});
    },
  };
}
