import { randomBytes, randomUUID } from 'node:crypto';
import type { ApiContext } from '@linju/api';
import { createSecretBox } from '@linju/auth';
import { connect, type DbHandle } from '@linju/db';
import { linjuDataConverter, type WorkflowEngine } from '@linju/workflows';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, inject } from 'vitest';
import { type CreateWorkerOptions, createWorker, type LinjuWorker } from '../worker.ts';

export type LiveWorkerOptions = {
  /** Connections in the application role's pool (the default suits one test at a time). */
  poolSize?: number;
  /** The node the engine starts referrals as; none for tests that start no referral. */
  nodeId?: string;
  /** The file store both the API context and the worker use. */
  files?: CreateWorkerOptions['files'];
  /** More of the worker's options, made when the worker is (an exchange listener may start first). */
  worker?: () => Promise<Partial<CreateWorkerOptions>> | Partial<CreateWorkerOptions>;
};

export type LiveWorker = {
  readonly dataKeys: CreateWorkerOptions['dataKeys'];
  readonly box: ReturnType<typeof createSecretBox>;
  /** The application role's pool: everything runs under RLS, as the server does. */
  readonly app: DbHandle;
  readonly client: Client;
  readonly connection: Connection;
  readonly linju: LinjuWorker;
  /** The API's view of Temporal: starts on this worker's own task queue. */
  readonly engine: WorkflowEngine;
  /** An API context on the pool and the engine, from a client address of its own. */
  context: (over?: Partial<ApiContext>) => ApiContext;
  /** Triggers a schedule now and waits for the workflow it started to finish: its result. */
  runSchedule: <T>(scheduleId: string) => Promise<T>;
};

/** A log that keeps quiet: what tests check is state, not lines. */
export const silentLog = { info() {}, warn() {}, error() {} };

/**
 * The worker as the deployment runs it, on the real Temporal dev server and the test database,
 * with a task queue of its own so files running side by side never take each other's tasks. Started
 * before the file's own `beforeAll` and stopped after its `afterAll`.
 */
export function useLiveWorker(name: string, options: LiveWorkerOptions = {}): LiveWorker {
  const dataKeys: CreateWorkerOptions['dataKeys'] = { current: randomBytes(32), retired: [] };
  const box = createSecretBox(dataKeys);
  // Sign-in limits count per client address: each file signs in from an address of its own.
  const network = `10.${1 + Math.floor(Math.random() * 250)}`;
  let started: Omit<LiveWorker, 'dataKeys' | 'box' | 'context' | 'runSchedule'> | undefined;
  let running: Promise<void> | undefined;
  const live = (): NonNullable<typeof started> => {
    if (!started) throw new Error('the live worker starts in beforeAll');
    return started;
  };

  beforeAll(async () => {
    const app = connect(inject('databaseUrl'), { max: options.poolSize ?? 6 });
    const linju = await createWorker({
      dataKeys,
      temporal: { address: inject('temporalAddress') },
      namespace: 'default',
      db: app.db,
      taskQueue: `linju-${name}-${randomUUID()}`,
      ...(options.files ? { files: options.files } : {}),
      ...(await options.worker?.()),
    });
    running = linju.worker.run();
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    const client = new Client({
      connection,
      namespace: 'default',
      dataConverter: linjuDataConverter(dataKeys),
    });
    const engine = {
      client,
      taskQueue: linju.taskQueue,
      ...(options.nodeId ? { nodeId: options.nodeId } : {}),
    };
    started = { app, linju, connection, client, engine };
  });

  afterAll(async () => {
    started?.linju.worker.shutdown();
    await running;
    await started?.linju.close();
    await started?.connection.close();
    await started?.app.close();
  });

  return {
    dataKeys,
    box,
    get app() {
      return live().app;
    },
    get client() {
      return live().client;
    },
    get connection() {
      return live().connection;
    },
    get linju() {
      return live().linju;
    },
    get engine() {
      return live().engine;
    },
    runSchedule: async <T>(scheduleId: string): Promise<T> => {
      const handle = live().client.schedule.getHandle(scheduleId);
      const before = (await handle.describe()).info.recentActions.length;
      await handle.trigger();
      for (let i = 0; i < 100; i++) {
        const actions = (await handle.describe()).info.recentActions;
        const latest = actions[actions.length - 1];
        if (actions.length > before && latest)
          return live().client.workflow.getHandle(latest.action.workflow.workflowId).result();
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`schedule ${scheduleId} started no workflow after being triggered`);
    },
    context: (over = {}) => ({
      db: live().app.db,
      box,
      requestId: 'test',
      ip: `${network}.0.${Math.floor(Math.random() * 250)}`,
      log: silentLog,
      sessionToken: null,
      tenantSlugHint: null,
      temporalHealthy: async () => true,
      totpIssuer: 'Linju test',
      temporal: live().engine,
      ...(options.files ? { files: options.files } : {}),
      ...over,
    }),
  };
}
