// First: it decides which build of React the rest imports.
import './react-production.ts';
import { createServer } from 'node:http';
import { createSecretBox, loadDataKeyRing } from '@linju/auth';
import {
  createDocumentStore,
  createLanguageModel,
  createPeerFetcher,
  documentStoreSettings,
  languageModelSettings,
  statuteLibrary,
  useAuditKey,
} from '@linju/core';
import { connect, isProduction, loadOrExit } from '@linju/db';
import { loadNodeKey, REFERRALS_PATH, STATISTICS_PATH, WELL_KNOWN_PATH } from '@linju/federation';
import { createLogger } from '@linju/logging';
import { metricsAccess } from '@linju/metrics';
import { startTracing } from '@linju/tracing';
import { lazyTemporalClient, temporalHealth } from '@linju/workflows';
import { loadServerConfig } from './config.ts';
import { referralCreateHandler } from './federation/referral-endpoint.ts';
import { MAX_MESSAGE_BYTES } from './federation/signed-endpoint.ts';
import { statisticsHandler } from './federation/statistics-endpoint.ts';
import { defaultNodeId, wellKnownHandler } from './federation/well-known.ts';
import { loadAdminApp } from './http/admin-app.ts';
import { serverTimeouts } from './http/deadlines.ts';
import { createRequestListener } from './http/request-listener.ts';
import { shutdownInOrder } from './http/shutdown-in-order.ts';
import { createServerMetrics } from './metrics/server-metrics.ts';

// Settings and keys first: in production a missing one stops the server here, in one line.
const { config, dataKeys, nodeKey, tracing, documentStore, assistantModel } = await loadOrExit(async () => {
  const config = loadServerConfig();
  return {
    config,
    // Off unless OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT is set; before the first request, span or workflow start.
    tracing: await startTracing('linju-server'),
    documentStore: documentStoreSettings(),
    assistantModel: languageModelSettings(),
    dataKeys: loadDataKeyRing(config.LINJU_DATA_DIR),
    nodeKey: await loadNodeKey(config.LINJU_DATA_DIR, { create: !isProduction() }),
  };
});
const log = createLogger('server', config.LOG_LEVEL);
const { db, close: closeDb, pool } = connect(config.DATABASE_APP_URL);
const box = createSecretBox(dataKeys);
useAuditKey(dataKeys);
const temporal = temporalHealth(config.temporal);
// The first check now, so the first readiness probe already has an answer to give.
void temporal.healthy();
// One long-lived client for the API (referrals start and move through it); it connects on first use,
// so the server starts while Temporal is still coming up.
const temporalClient = lazyTemporalClient({
  connection: config.temporal,
  namespace: config.TEMPORAL_NAMESPACE,
  dataKeys,
  interceptors: tracing.clientInterceptors,
});
const admin = await loadAdminApp(config.LINJU_ADMIN_BUILD);
if (!admin) log.warn({ build: config.LINJU_ADMIN_BUILD }, 'admin app not built; only the APIs are served');

const identity = {
  nodeId: config.LINJU_NODE_ID ?? defaultNodeId(config.publicUrl),
  name: config.LINJU_NODE_NAME,
  baseUrl: config.publicUrl,
  key: nodeKey,
};
const nodeId = identity.nodeId;
const files = createDocumentStore(documentStore, { db, box });
// Off unless LINJU_ASSISTANT_MODEL_URL is set: the assistant then answers from its templates.
const languageModel = assistantModel ? createLanguageModel(assistantModel, statuteLibrary(db), log) : null;
const routes = [
  { prefix: WELL_KNOWN_PATH, handle: wellKnownHandler(db, identity) },
  {
    prefix: REFERRALS_PATH,
    handle: referralCreateHandler({
      db,
      box,
      nodeId: identity.nodeId,
      publicUrl: config.publicUrl,
      ownKey: identity.key,
      engine: { client: temporalClient, nodeId },
      files,
    }),
    maxBodyBytes: MAX_MESSAGE_BYTES,
  },
  {
    prefix: STATISTICS_PATH,
    handle: statisticsHandler({ db, publicUrl: config.publicUrl, nodeId, ownKey: identity.key }),
    maxBodyBytes: MAX_MESSAGE_BYTES,
  },
];

const server = createServer(
  serverTimeouts(),
  createRequestListener({
    config,
    db,
    box,
    log,
    temporalHealthy: temporal.healthy,
    temporal: { client: temporalClient, nodeId },
    files,
    fetchFromPeer: createPeerFetcher(db, { nodeId, publicUrl: config.publicUrl, key: identity.key }),
    languageModel,
    admin,
    routes,
    metrics: {
      server: createServerMetrics(pool),
      access: metricsAccess({ token: config.LINJU_METRICS_TOKEN, allow: config.LINJU_METRICS_ALLOW }),
    },
  }),
);
server.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EADDRINUSE') {
    log.fatal({ port: config.PORT }, `port ${config.PORT} is already in use`);
    process.exit(3);
  }
  throw error;
});
server.listen(config.PORT, config.HOST, () => {
  log.info({ url: config.publicUrl, port: config.PORT }, 'listening');
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, 'shutting down');
  // Requests first (they may still need the pool and Temporal), then what they used; each wait is
  // bounded, so a Temporal or collector that is gone never keeps the process past its stop grace.
  const overran = await shutdownInOrder(
    server,
    [
      { name: 'temporal', close: () => Promise.all([temporal.close(), temporalClient.connection.close()]) },
      { name: 'database', close: closeDb },
      { name: 'tracing', close: tracing.shutdown },
    ],
    { drainMs: 5000, stepMs: 5000 },
  );
  log.info({ overran }, 'stopped');
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
