/**
 * The worker process of Temporal's floor for a referral (`bench-referrals.ts` forks it): a worker
 * on its own task queue running `bench-referrals-floor-workflows.ts`, and the tiny endpoint its
 * delivery posts to, which only starts the receiver's workflow and answers 202 — the shape of a
 * referral's life (two starts, one activity doing one signed POST, one local activity, no update)
 * without anything of ours but the exchange's signing. Tells its parent `ready` once it polls, and
 * `done` when a life has ended (its receipt recorded).
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signedFetch } from '@linju/federation';
import { linjuDataConverter } from '@linju/workflows';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';

const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
/** Its own queue, named by the benchmark, which starts the senders' workflows on it. */
const taskQueue = process.env.FLOOR_TASK_QUEUE ?? 'bench-floor';
const report = (message: { ready: true } | { done: string }) => process.send?.(message);

/** The start options the referral's workflows are started with (`startReferralExecution`). */
export const floorStart = {
  workflowIdConflictPolicy: 'USE_EXISTING',
  workflowIdReusePolicy: 'REJECT_DUPLICATE',
} as const;

const { privateKey } = generateKeyPairSync('ed25519');
let baseUrl = '';

export const floorActivities = {
  /** One signed POST through the exchange's signing code, to the tiny endpoint below. */
  async deliverFloorMessage(id: string): Promise<{ receipt: string }> {
    const response = await signedFetch({
      baseUrl,
      method: 'POST',
      path: '/floor/referrals',
      body: JSON.stringify({ id }),
      idempotencyKey: id,
      key: privateKey,
      kid: 'floor',
      allowPrivateNetwork: true,
    });
    if (response.status !== 202) throw new Error(`the floor endpoint answered ${response.status}`);
    return (await response.json()) as { receipt: string };
  },
  /** Where the referral writes its `received`: here only the end of a life, told to the benchmark. */
  async recordFloorReceipt(id: string): Promise<void> {
    report({ done: id });
  },
};
export type FloorActivities = typeof floorActivities;

if (import.meta.main) {
  // The referral's payload codec too (the benchmark's client starts with it): encryption is part
  // of every referral's payloads.
  const dataConverter = linjuDataConverter({
    current: Buffer.from(process.env.LINJU_DATA_KEY ?? '', 'base64'),
    retired: [],
  });
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const client = new Client({ connection: await Connection.connect({ address }), dataConverter });
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const { id } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string };
    try {
      await client.workflow.start('floorReceiverWorkflow', {
        taskQueue,
        workflowId: `floor-receiver:${id}`,
        args: [],
        ...floorStart,
      });
    } catch {
      // As the exchange's endpoint would: the sender's activity retries.
      response.writeHead(503).end();
      return;
    }
    response.writeHead(202, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ receipt: id, status: 'received' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address }),
    taskQueue,
    dataConverter,
    workflowsPath: new URL('./bench-referrals-floor-workflows.ts', import.meta.url).pathname,
    activities: floorActivities,
  });
  // The SDK's runtime shuts the worker down on SIGTERM (the benchmark's stop).
  const running = worker.run();
  report({ ready: true });
  await running;
  server.close();
  await client.connection.close();
}
