import { join } from 'node:path';
import { pluginRegistry } from '@linju/api';
import { createSecretBox, loadDataKeyRing } from '@linju/auth';
import { auditCheckpointDir, createAuditCheckpointLog, createLocalFileStore, useAuditKey } from '@linju/core';
import { connect, isProduction, loadOrExit } from '@linju/db';
import { loadOrCreateNodeKey } from '@linju/federation';
import { linjuDataConverter } from '@linju/workflows';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { pino } from 'pino';
import { ensureCityStatisticsSchedules } from './city-statistics.ts';
import { startReconciler, tenantScheduleReconciler } from './reconciler.ts';
import { createWorker } from './worker.ts';
import { readWorkerConfig } from './worker-config.ts';

const log = pino({
  name: 'worker',
  base: { process: 'worker' },
  level: process.env.LOG_LEVEL ?? 'info',
  timestamp: pino.stdTimeFunctions.isoTime,
});

// Temporal's own log lines go through pino too (one JSON line each); signals are handled below,
// so the runtime must not install its own handlers and shut the worker down behind our back.
Runtime.install({
  logger: new DefaultLogger('INFO', ({ level, message, meta }) => {
    log[level.toLowerCase() as Lowercase<typeof level>]({ temporal: meta ?? {} }, message);
  }),
  shutdownSignals: [],
});

// Settings and keys first: in production a missing one stops the worker here, in one line.
const { config, dataKeys, nodeKey } = await loadOrExit(async () => {
  const config = readWorkerConfig(process.env);
  return {
    config,
    // The server's key ring: outbox bodies are sealed, payloads encrypted and audit entries keyed with it.
    dataKeys: loadDataKeyRing(config.dataDir),
    nodeKey: await loadOrCreateNodeKey(join(config.dataDir, 'federation'), { create: !isProduction() }),
  };
});

try {
  const database = connect(config.databaseUrl, { max: 5 });
  useAuditKey(dataKeys);
  const { worker, taskQueue, close } = await createWorker({
    temporalAddress: config.temporalAddress,
    namespace: config.namespace,
    db: database.db,
    dataKeys,
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
      // The server's file store (same data folder): documents returned with outcomes are kept there.
      files: createLocalFileStore(join(config.dataDir, 'files')),
      node: {
        nodeId: config.nodeId,
        publicUrl: config.publicUrl,
        key: nodeKey,
      },
    },
  });
  const clientConnection = await Connection.connect({ address: config.temporalAddress });
  const client = new Client({
    connection: clientConnection,
    namespace: config.namespace,
    dataConverter: linjuDataConverter(dataKeys),
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
  const reconciler = startReconciler(deps, {
    log,
    schedules,
    intervalMs: config.reconcileIntervalMs,
    auditCheckpoints,
  });
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
    { event: 'started', taskQueue, namespace: config.namespace, temporalAddress: config.temporalAddress },
    `worker started on task queue ${taskQueue}`,
  );
  await worker.run();
  await reconciler.stop();
  await clientConnection.close();
  await close();
  await database.close();
  log.info({ event: 'shut down' }, 'worker shut down');
  process.exit(0);
} catch (error) {
  log.error({ event: 'failed', err: error }, 'worker failed');
  process.exit(1);
}
