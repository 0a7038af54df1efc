import { join } from 'node:path';
import { RUNTIME_SETTINGS, requireProductionSettings, secretSetting } from '@linju/db';
import { defaultNodeId } from '@linju/federation';
import { type ProviderEndpoints, readProviderEndpoints } from '@linju/message-providers';
import { readTemporalConnection, type TemporalConnectionOptions } from '@linju/workflows';

export type WorkerConfig = {
  /** `TEMPORAL_ADDRESS` and its TLS, mTLS and API-key settings, for every connection the worker opens. */
  temporal: TemporalConnectionOptions;
  namespace: string;
  databaseUrl: string;
  /**
   * Where the worker LISTENs for committed outbox messages (`DATABASE_LISTEN_URL`): the app URL
   * unless given — behind PgBouncer in transaction mode, a direct URL to PostgreSQL.
   */
  listenUrl: string;
  /**
   * Where the message adapters send instead of the providers' own addresses
   * (`LINJU_MESSAGE_ENDPOINTS=aliyun-sms=https://…,tencent-sms=…`): an operator's relay on a
   * government extranet, or a provider's stand-in on a laptop. Never a district's setting.
   */
  messageEndpoints: ProviderEndpoints;
  /** Holds the data key (sealed outbox bodies) and the node key (signing), as the server's. */
  dataDir: string;
  /** This node in the referral exchange: the same id and public URL the server announces. */
  nodeId: string;
  publicUrl: string;
  /** How often the worker reconciles (new districts' schedules, referrals whose start was lost). */
  reconcileIntervalMs: number;
  /** How often the worker anchors every audit chain in the checkpoint log (at a reconcile pass). */
  auditCheckpointIntervalMs: number;
  /** The health and metrics endpoint (`LINJU_WORKER_HEALTH_PORT`); off when the port is not set. */
  health: { port: number; host: string } | null;
  /**
   * Where the last workflow bundle is kept for the next start (`LINJU_WORKFLOW_BUNDLE_CACHE`;
   * `linju start` keeps it in the data folder); none: bundled at every start.
   */
  workflowBundleCache: string | null;
};

const repoRoot = join(import.meta.dirname, '..', '..', '..');

function positiveMs(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === '') return fallback;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms <= 0) {
    throw new Error(`${name} must be a positive whole number of milliseconds (got '${value}')`);
  }
  return ms;
}

function port(name: string, value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`${name} must be a port number from 0 to 65535 (got '${value}')`);
  }
  return n;
}

/**
 * Reads the worker's settings from the environment; only the database URL has no default. The
 * node's id and public URL default exactly as the server's do (`PORT`, `LINJU_PUBLIC_URL`,
 * `LINJU_NODE_ID`), because the worker signs the messages the server's node sends. In production
 * the server's settings are required, with no defaults.
 */
export function readWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  requireProductionSettings(RUNTIME_SETTINGS, env);
  const databaseUrl = secretSetting(env, 'DATABASE_APP_URL');
  if (!databaseUrl) {
    throw new Error(
      'DATABASE_APP_URL is not set: give the worker the application role URL (subject to RLS).',
    );
  }
  const publicUrl = env.LINJU_PUBLIC_URL?.trim() || `http://localhost:${env.PORT?.trim() || '3000'}`;
  return {
    temporal: readTemporalConnection(env),
    namespace: env.TEMPORAL_NAMESPACE?.trim() || 'default',
    databaseUrl,
    listenUrl: secretSetting(env, 'DATABASE_LISTEN_URL') || databaseUrl,
    messageEndpoints: readProviderEndpoints(env.LINJU_MESSAGE_ENDPOINTS),
    dataDir: env.LINJU_DATA_DIR?.trim() || join(repoRoot, '.data'),
    nodeId: env.LINJU_NODE_ID?.trim() || defaultNodeId(publicUrl),
    publicUrl,
    reconcileIntervalMs: positiveMs('LINJU_RECONCILE_INTERVAL_MS', env.LINJU_RECONCILE_INTERVAL_MS, 20_000),
    auditCheckpointIntervalMs: positiveMs(
      'LINJU_AUDIT_CHECKPOINT_INTERVAL_MS',
      env.LINJU_AUDIT_CHECKPOINT_INTERVAL_MS,
      3_600_000,
    ),
    health: healthEndpoint(env),
    workflowBundleCache: env.LINJU_WORKFLOW_BUNDLE_CACHE?.trim() || null,
  };
}

function healthEndpoint(env: Record<string, string | undefined>): WorkerConfig['health'] {
  const healthPort = port('LINJU_WORKER_HEALTH_PORT', env.LINJU_WORKER_HEALTH_PORT);
  if (healthPort === null) return null;
  // Loopback unless told otherwise: an orchestrator's probes set 0.0.0.0 (or the pod's address).
  return { port: healthPort, host: env.LINJU_WORKER_HEALTH_HOST?.trim() || '127.0.0.1' };
}
