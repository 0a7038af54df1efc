import { randomUUID } from 'node:crypto';
import { startTimeSkippingEnvironment, type TestWorkflowEnvironment } from '@linju/infra-temporal/testing';
import { linjuDataConverter } from '@linju/workflows';
import { type CreateWorkerOptions, createWorker } from '../worker.ts';

export type TimeSkippingWorker = {
  /** Its client starts workflows; `env.sleep` moves the server's clock. */
  env: TestWorkflowEnvironment;
  taskQueue: string;
  stop: () => Promise<void>;
};

/**
 * The worker as the deployment creates it, with its real activities on the test database, running
 * on Temporal's time-skipping test server: for deadlines, which the test passes by moving the clock.
 */
export async function startTimeSkippingWorker(
  options: Pick<CreateWorkerOptions, 'dataKeys' | 'db'>,
): Promise<TimeSkippingWorker> {
  const env = await startTimeSkippingEnvironment({ dataConverter: linjuDataConverter(options.dataKeys) });
  try {
    const linju = await createWorker({
      ...options,
      temporal: { address: env.address },
      namespace: env.namespace ?? 'default',
      taskQueue: `linju-deadlines-${randomUUID()}`,
    });
    const running = linju.worker.run();
    return {
      env,
      taskQueue: linju.taskQueue,
      stop: async () => {
        linju.worker.shutdown();
        await running;
        await linju.close();
        await env.teardown();
      },
    };
  } catch (error) {
    await env.teardown();
    throw error;
  }
}
