import { createSecretBox, type DataKeyRing } from '@linju/auth';
import { createPostgresDocumentStore, type DocumentStore, uploadMaxBytes } from '@linju/core';
import type { Database } from '@linju/db';
import type { Tracing } from '@linju/tracing';
import {
  linjuDataConverter,
  REFERRAL_TASK_QUEUE,
  type TemporalConnectionOptions,
  workflowsPath,
} from '@linju/workflows';
import { NativeConnection, Worker } from '@temporalio/worker';
import {
  createAuditedReferralActivities,
  createHotlineImportRunActivities,
  createScheduledRunActivities,
  createStatisticsReportRunActivities,
} from './activities.ts';
import { createCityStatisticsRunActivities } from './city-statistics.ts';
import type { ExchangeDeps } from './exchange-delivery.ts';
import { createPluginActivities, type WorkerPlugins } from './plugin-activities.ts';
import { tenantBoundActivities } from './tenant-bound-activities.ts';
import { bundleWorkflowsApart, keptWorkflowBundle } from './workflow-bundle.ts';

export type CreateWorkerOptions = {
  /** The Temporal frontend and how to reach it (TLS, mTLS, API key): `readTemporalConnection`. */
  temporal: TemporalConnectionOptions;
  namespace: string;
  /** A pool on the application role's URL: activities write only through `withTenant`, under RLS. */
  db: Database;
  /** The data key ring: every payload this worker hands Temporal is encrypted with it (the clients' codec). */
  dataKeys: DataKeyRing;
  /** Defaults to the referral queue; tests pass their own so runs cannot steal each other's tasks. */
  taskQueue?: string;
  /** The data key and node identity: without them the worker cannot deliver exchange messages. */
  exchange?: ExchangeDeps;
  /**
   * The installed plugins: their activities are registered by name and their workflow hooks run
   * with the referral effects. Without it no plugin activity exists (tests of the platform alone).
   */
  plugins?: WorkerPlugins;
  /** The server's file store (uploaded 12345 exports are read from it); the local one by default. */
  files?: DocumentStore;
  /** Workflow and activity spans (`startTracing`); none without it. */
  tracing?: Pick<Tracing, 'workerPlugins'>;
  /**
   * Where the workflow code is bundled: in this process (the default), or `apart`, in a child
   * process of its own (`workflow-bundle.ts`), so webpack's memory never enters the worker's (the
   * worker process does so). Not with tracing: its plugin adds workflow interceptors to the bundle.
   */
  bundle?: 'here' | 'apart';
  /** With `apart`: the file the bundle is kept in and reused from while its sources are unchanged. */
  bundleCache?: string | null;
};

export type LinjuWorker = {
  worker: Worker;
  taskQueue: string;
  /** Closes the Temporal connection; call once `worker.run()` has returned. */
  close: () => Promise<void>;
};

/**
 * Connects to Temporal and creates (does not run) the referral worker: workflows bundled from
 * `@linju/workflows` by path, activities writing to the tenants' audit logs.
 */
export async function createWorker(options: CreateWorkerOptions): Promise<LinjuWorker> {
  const taskQueue = options.taskQueue ?? REFERRAL_TASK_QUEUE;
  const plugins = options.tracing?.workerPlugins ?? [];
  if (options.bundle === 'apart' && plugins.length > 0) {
    throw new TypeError('the workflow bundle is made apart only without plugins (they shape it)');
  }
  const workflows =
    options.bundle === 'apart'
      ? {
          workflowBundle: options.bundleCache
            ? await keptWorkflowBundle(workflowsPath, options.bundleCache)
            : await bundleWorkflowsApart(workflowsPath),
        }
      : { workflowsPath };
  const connection = await NativeConnection.connect(options.temporal);
  try {
    const worker = await Worker.create({
      connection,
      namespace: options.namespace,
      taskQueue,
      ...workflows,
      dataConverter: linjuDataConverter(options.dataKeys),
      plugins,
      // A stop drains running activities, but never past systemd's TimeoutStopSec (30 s) or
      // Kubernetes' grace: an activity that ignores its cancellation is cut off here.
      shutdownForceTime: '20s',
      // Every activity's tenant is checked against its workflow's id (a business key) first.
      activities: tenantBoundActivities({
        ...createAuditedReferralActivities(options.db, options.exchange, options.plugins),
        // The reports name the installed services from their manifests.
        ...createScheduledRunActivities(
          options.db,
          options.plugins?.registry.plugins,
          createSecretBox(options.dataKeys),
        ),
        ...createStatisticsReportRunActivities(options.db, options.plugins?.registry.plugins),
        ...createHotlineImportRunActivities(options.db, {
          box: createSecretBox(options.dataKeys),
          files:
            options.files ??
            createPostgresDocumentStore({
              db: options.db,
              box: createSecretBox(options.dataKeys),
              maxBytes: uploadMaxBytes(),
            }),
        }),
        ...createCityStatisticsRunActivities(options.db, options.exchange?.node),
        ...createPluginActivities(options.db, options.plugins),
      }),
    });
    return { worker, taskQueue, close: () => connection.close() };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
