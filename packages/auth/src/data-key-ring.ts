import { hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_KEY_SETTING, requireProductionSettings, secretSetting } from '@linju/db';

/**
 * The master keys: `current` seals everything new; `retired` keys only open what they sealed, until
 * `linju keys rotate` has re-sealed it all under `current` and they can be dropped.
 */
export type DataKeyRing = { current: Buffer; retired: Buffer[] };

/** A key named in a ciphertext or payload: the id is derived from the key, so nothing is configured twice. */
export type IdentifiedKey = { id: string; key: Buffer };

/** HKDF-SHA-256 of a master key: one label, one purpose (a key never serves two). */
export const deriveKey = (master: Buffer, label: string): Buffer =>
  Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), label, 32));

/** 8 characters naming a master key in what it sealed; reveals nothing of the key. */
export const dataKeyId = (master: Buffer): string =>
  deriveKey(master, 'linju/key-id').subarray(0, 6).toString('base64url');

/** The ring's keys by id, current first. */
export const identifiedKeys = (ring: DataKeyRing): IdentifiedKey[] =>
  [ring.current, ...ring.retired].map((key) => ({ id: dataKeyId(key), key }));

function parseKey(text: string, source: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32)
    throw new Error(`${source} must be base64 of 32 random bytes (got ${key.length} bytes).`);
  return key;
}

const keysIn = (text: string, source: string) =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((k) => parseKey(k, source));

/** The embedded default: created on first start (mode 0600); whoever loses the race reads the winner's. */
function ownKeyFile(file: string): Buffer {
  if (!existsSync(file)) {
    mkdirSync(join(file, '..'), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return parseKey(readFileSync(file, 'utf8'), file);
}

/**
 * The ring from the environment: the current key from `LINJU_DATA_KEY` (base64) or the secret
 * file `LINJU_DATA_KEY_FILE` (not both), else `<dataDir>/data-key`, created on first start. Retired keys from
 * `LINJU_DATA_KEYS_RETIRED` (comma-separated) and the file `LINJU_DATA_KEYS_RETIRED_FILE` (default
 * `<dataDir>/data-keys-retired`, one per line). Losing a key loses what it sealed: back keys up
 * with the database. In production the key must be given: a key made by one instance on its own
 * disk would seal what no other instance (nor a restore) can open.
 */
export function loadDataKeyRing(dataDir: string, env: NodeJS.ProcessEnv = process.env): DataKeyRing {
  requireProductionSettings([DATA_KEY_SETTING], env);
  const given = secretSetting(env, 'LINJU_DATA_KEY');
  const current = given
    ? parseKey(given, env.LINJU_DATA_KEY_FILE ? 'LINJU_DATA_KEY_FILE' : 'LINJU_DATA_KEY')
    : ownKeyFile(join(dataDir, 'data-key'));
  const retiredFile = env.LINJU_DATA_KEYS_RETIRED_FILE ?? join(dataDir, 'data-keys-retired');
  const retired = [
    ...keysIn(env.LINJU_DATA_KEYS_RETIRED ?? '', 'LINJU_DATA_KEYS_RETIRED'),
    ...(existsSync(retiredFile) ? keysIn(readFileSync(retiredFile, 'utf8'), retiredFile) : []),
  ];
  const currentId = dataKeyId(current);
  return { current, retired: retired.filter((k) => dataKeyId(k) !== currentId) };
}
