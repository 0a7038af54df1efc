import { readFileSync } from 'node:fs';
import { secretSetting } from '@linju/db/secret-setting';
import type { TLSConfig } from '@temporalio/client';

type Env = Record<string, string | undefined>;

/**
 * How every process reaches Temporal — the API's client, the worker (its native connection and its
 * client) and the health probes: one reading of the environment, so a cluster behind TLS, mTLS or
 * an API key is reached the same way by all of them. Both `Connection.connect` and
 * `NativeConnection.connect` take it as it is.
 */
export type TemporalConnectionOptions = {
  /** `host:port` of the Temporal frontend. */
  address: string;
  /** Absent: plain gRPC (the embedded dev server). `{}`: TLS with the system's CAs. */
  tls?: TLSConfig;
  /** Sent as `Authorization: Bearer …` (Temporal Cloud style API keys); needs TLS. */
  apiKey?: string;
};

const SWITCH: Record<string, boolean> = {
  on: true,
  true: true,
  '1': true,
  off: false,
  false: false,
  '0': false,
};

const setting = (env: Env, name: string) => env[name]?.trim() || undefined;

/** A file's bytes, or an error naming the variable that points at it. */
function fileOf(env: Env, name: string): Buffer | undefined {
  const path = setting(env, name);
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${name}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
}

function tlsSwitch(env: Env): boolean | undefined {
  const value = setting(env, 'TEMPORAL_TLS');
  if (value === undefined) return undefined;
  const on = SWITCH[value.toLowerCase()];
  if (on === undefined) throw new Error(`TEMPORAL_TLS must be on or off (got '${value}')`);
  return on;
}

/**
 * Reads `TEMPORAL_ADDRESS`, `TEMPORAL_TLS`, `TEMPORAL_TLS_CA_FILE`, `TEMPORAL_TLS_CERT_FILE` +
 * `TEMPORAL_TLS_KEY_FILE` (mTLS), `TEMPORAL_TLS_SERVER_NAME` and `TEMPORAL_API_KEY(_FILE)`. Any TLS
 * file or an API key turns TLS on unless `TEMPORAL_TLS=off` says otherwise — and an API key never
 * travels in clear text, so that combination is refused, as is half a client certificate pair.
 */
export function readTemporalConnection(env: Env): TemporalConnectionOptions {
  const address = setting(env, 'TEMPORAL_ADDRESS') ?? '127.0.0.1:7233';
  const ca = fileOf(env, 'TEMPORAL_TLS_CA_FILE');
  const crt = fileOf(env, 'TEMPORAL_TLS_CERT_FILE');
  const key = fileOf(env, 'TEMPORAL_TLS_KEY_FILE');
  if (Boolean(crt) !== Boolean(key)) {
    throw new Error(
      'TEMPORAL_TLS_CERT_FILE and TEMPORAL_TLS_KEY_FILE go together (mTLS): set both or neither',
    );
  }
  const serverName = setting(env, 'TEMPORAL_TLS_SERVER_NAME');
  const apiKey = secretSetting(env, 'TEMPORAL_API_KEY');
  const asked = tlsSwitch(env);
  const implied = Boolean(ca || crt || serverName || apiKey);
  if (asked === false && apiKey)
    throw new Error('TEMPORAL_API_KEY needs TLS: it is refused with TEMPORAL_TLS=off');
  if (asked === false && implied) {
    throw new Error('TEMPORAL_TLS=off contradicts the TEMPORAL_TLS_* files or server name that are set');
  }
  const tls: TLSConfig | undefined =
    (asked ?? implied)
      ? {
          ...(ca ? { serverRootCACertificate: ca } : {}),
          ...(crt && key ? { clientCertPair: { crt, key } } : {}),
          ...(serverName ? { serverNameOverride: serverName } : {}),
        }
      : undefined;
  return { address, ...(tls ? { tls } : {}), ...(apiKey ? { apiKey } : {}) };
}
