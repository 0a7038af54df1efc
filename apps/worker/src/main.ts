import { connect } from '@linju/db';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { pino } from 'pino';
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

try {
  const config = readWorkerConfig(process.env);
  const database = connect(config.databaseUrl, { max: 5 });
  const { worker, taskQueue, close } = await createWorker({
    temporalAddress: config.temporalAddress,
    namespace: config.namespace,
    db: database.db,
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
  await close();
  await database.close();
  log.info({ event: 'shut down' }, 'worker shut down');
  process.exit(0);
} catch (error) {
  log.error({ event: 'failed', err: error }, 'worker failed');
  process.exit(1);
}
