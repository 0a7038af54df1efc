import { createSecretBox, loadDataKeyRing } from '@linju/auth';
import {
  auditCheckpointDir,
  createAuditCheckpointLog,
  createDocumentStore,
  documentStoreSettings,
  useAuditKey,
} from '@linju/core';
import { connect, isProduction, loadOrExit } from '@linju/db';
import { loadNodeKey } from '@linju/federation';
import { createLogger } from '@linju/logging';
import { metricsAccessFromEnv } from '@linju/metrics';
import { pluginRegistry } from '@linju/plugins';
import { startTracing } from '@linju/tracing';
import { connectTemporalClient, temporalHealth } from '@linju/workflows';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { startAuditSealer } from './audit-sealer.ts';
import { ensureCityStatisticsSchedules } from './city-statistics.ts';
import { freeLoopbackPort } from './health/free-loopback-port.ts';
import { createWorkerFigures } from './health/worker-figures.ts';
import { startWorkerHealthServer } from './health/worker-health-server.ts';
import { startOutboxListener } from './outbox-listener.ts';
import { startReconciler, tenantScheduleReconciler } from './reconciler.ts';
import { startRollupFolder } from './rollup-folder.ts';
import { createWorker } from './worker.ts';
import { readWorkerConfig } from './worker-config.ts';

const log = createLogger('worker');

// Settings and keys first: in production a missing one stops the worker here, in one line.
const { config, dataKeys, nodeKey, tracing, documentStore } = await loadOrExit(async () => {
  const config = readWorkerConfig(process.env);
  return {
    config,
    // Off unless OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT is set: workflow and activity spans join the caller's trace.
    tracing: await startTracing('linju-worker'),
    documentStore: documentStoreSettings(process.env),
    // The server's key ring: outbox bodies are sealed, payloads encrypted and audit entries keyed with it.
    dataKeys: loadDataKeyRing(config.dataDir),
    nodeKey: await loadNodeKey(config.dataDir, { create: !isProduction() }),
  };
});

try {
  const metricsAccess = metricsAccessFromEnv(process.env);
  // The SDK runtime exports its own metrics (polls, task latencies, slots) on a loopback port that
  // only this process reads: the health endpoint's /metrics appends them behind its own wall.
  const temporalMetricsPort = config.health ? await freeLoopbackPort() : null;
  // Temporal's own log lines go through pino too (one JSON line each); signals are handled below,
  // so the runtime must not install its own handlers and shut the worker down behind our back.
  Runtime.install({
    logger: new DefaultLogger('INFO', ({ level, message, meta }) => {
      log[level.toLowerCase() as Lowercase<typeof level>]({ temporal: meta ?? {} }, message);
    }),
    shutdownSignals: [],
    telemetryOptions: {
      // The native core's own lines (connection retries, poller errors) go through the same logger,
      // not as plain text on stderr.
      logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} },
      ...(temporalMetricsPort
        ? {
            metrics: {
              prometheus: {
                bindAddress: `127.0.0.1:${temporalMetricsPort}`,
                countersTotalSuffix: true,
                unitSuffix: true,
                useSecondsForDurations: true,
              },
            },
          }
        : {}),
    },
  });
  const database = connect(config.databaseUrl, { max: 5 });
  useAuditKey(dataKeys);
  // The server's document store (same settings): uploaded 12345 exports, outcome documents.
  const files = createDocumentStore(documentStore, { db: database.db, box: createSecretBox(dataKeys) });
  const { worker, taskQueue, close } = await createWorker({
    temporal: config.temporal,
    namespace: config.namespace,
    db: database.db,
    dataKeys,
    files,
    tracing,
    // Webpack bundles the workflow code in a child process, out of this one's memory (tracing's
    // plugin adds to the bundle, so with tracing on it is bundled here).
    bundle: tracing.enabled ? 'here' : 'apart',
    bundleCache: config.workflowBundleCache,
    // The same data key and node key as the server's (one data folder): outbox bodies are sealed,
    // and the messages this node sends are signed with the key its peers pinned.
    // The composition root's plugins: their activities and workflow hooks, their lines in this log.
    plugins: {
      registry: pluginRegistry,
      logger: (plugin, tenantId) => {
        const child = log.child({ plugin, tenantId });
        const line =
          (level: 'debug' | 'info' | 'warn' | 'error') =>
          (message: string, fields?: Record<string, unknown>) =>
            child[level](fields ?? {}, message);
        return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
      },
    },
    exchange: {
      box: createSecretBox(dataKeys),
      files,
      node: {
        nodeId: config.nodeId,
        publicUrl: config.publicUrl,
        key: nodeKey,
      },
    },
  });
  const client = await connectTemporalClient({
    connection: config.temporal,
    namespace: config.namespace,
    dataKeys,
    interceptors: tracing.clientInterceptors,
  });
  const deps = { client, db: database.db, taskQueue, nodeId: config.nodeId };
  // Every active district's schedules before taking work; then, while running, those of districts
  // onboarded meanwhile (by the CLI) and the workflows of referrals whose start was lost.
  const schedules = tenantScheduleReconciler(deps);
  const checked = await schedules();
  // Monthly sending to the city, for districts whose setting was saved while Temporal was away.
  const cityStatistics = await ensureCityStatisticsSchedules(client, database.db, taskQueue);
  log.info(
    { event: 'schedules', ...checked, cityStatistics },
    `schedules checked for ${checked.tenants} districts (${cityStatistics.districts} report to a city)`,
  );
  // Each chain head anchored outside the database, signed with the node key (`linju audit verify`).
  const auditCheckpoints = {
    log: createAuditCheckpointLog(auditCheckpointDir(config.dataDir), nodeKey),
    everyMs: config.auditCheckpointIntervalMs,
  };
  const outbox = {
    db: database.db,
    box: createSecretBox(dataKeys),
    endpoints: config.messageEndpoints,
    publicUrl: config.publicUrl,
  };
  const reconciler = startReconciler(deps, {
    log,
    schedules,
    intervalMs: config.reconcileIntervalMs,
    auditCheckpoints,
    messages: outbox,
  });
  // A message goes out when it commits; the reconciler's sweep catches what a lost connection missed.
  const outboxListener = await startOutboxListener(outbox, { url: config.listenUrl, log }).catch((error) => {
    log.warn({ event: 'outbox listener failed', err: error }, 'messages wait for the sweep');
    return null;
  });
  // Audit entries are chained as they commit; the reconciler's sweep seals what a lost notice left.
  const auditSealer = await startAuditSealer(database.db, { url: config.listenUrl, log }).catch((error) => {
    log.warn({ event: 'audit sealer failed', err: error }, 'audit entries wait for the sweep');
    return null;
  });
  // A district's roll-up changes are folded in as they commit; the reconciler's sweep likewise.
  const rollupFolder = await startRollupFolder(database.db, { url: config.listenUrl, log }).catch((error) => {
    log.warn({ event: 'roll-up folder failed', err: error }, 'roll-ups wait for the sweep');
    return null;
  });
  const temporal = temporalHealth(config.temporal);
  const health = config.health
    ? await startWorkerHealthServer(
        {
          db: database.db,
          temporalHealthy: temporal.healthy,
          workerState: () => worker.getState(),
          figures: createWorkerFigures(database.db, database.pool),
          access: metricsAccess,
          temporalMetricsUrl: `http://127.0.0.1:${temporalMetricsPort}/metrics`,
        },
        config.health,
      )
    : null;
  if (health) {
    log.info(
      { event: 'health', port: health.port, host: config.health?.host },
      `health at http://${config.health?.host}:${health.port}/health/ready, metrics at /metrics`,
    );
  }
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ event: 'stopping', signal }, 'shutting down');
    worker.shutdown();
  };
  // `once`: a second signal during the drain falls through to the default and stops at once.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop);
  log.info(
    { event: 'started', taskQueue, namespace: config.namespace, temporalAddress: config.temporal.address },
    `worker started on task queue ${taskQueue}`,
  );
  await worker.run();
  await reconciler.stop();
  await outboxListener?.close();
  await auditSealer?.close();
  await rollupFolder?.close();
  await health?.close();
  await temporal.close();
  await client.connection.close();
  await close();
  await database.close();
  await tracing.shutdown();
  log.info({ event: 'shut down' }, 'worker shut down');
  process.exit(0);
} catch (error) {
  log.error({ event: 'failed', err: error }, 'worker failed');
  process.exit(1);
}
