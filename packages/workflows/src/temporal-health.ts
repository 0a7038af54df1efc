import { Connection } from '@temporalio/client';
import type { TemporalConnectionOptions } from './temporal-connection.ts';

/**
 * One long-lived connection to Temporal, opened on first use and reopened after a failure;
 * `healthy()` asks the server's gRPC health service with a short deadline.
 */
export function temporalHealth(temporal: TemporalConnectionOptions) {
  let connection: Promise<Connection> | null = null;
  return {
    async healthy(): Promise<boolean> {
      try {
        connection ??= Connection.connect({ ...temporal, connectTimeout: 2000 });
        const conn = await connection;
        const answer = await conn.withDeadline(Date.now() + 2000, () => conn.healthService.check({}));
        return answer.status === 1; // SERVING
      } catch {
        const failed = connection;
        connection = null;
        await failed?.then((c) => c.close()).catch(() => {});
        return false;
      }
    },
    async close() {
      await connection?.then((c) => c.close()).catch(() => {});
    },
  };
}
