import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Where document bytes live. Keys are content-addressed per tenant, so the same file stored twice
 * is stored once, and a write whose database transaction rolls back leaves at worst an
 * unreferenced file (never a reference to a missing one). An S3-compatible store implements the
 * same two methods.
 */
export type FileStore = {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Buffer>;
};

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `<tenant>/<ab>/<sha256>`: two hex digits of fan-out keep directories small. */
export const documentKey = (tenantId: string, sha256: string) =>
  `${tenantId}/${sha256.slice(0, 2)}/${sha256}`;

/** Files on the local disk, under `${LINJU_DATA_DIR}/files` by default. */
export function createLocalFileStore(root: string): FileStore {
  const pathOf = (key: string) => {
    if (!/^[0-9a-f-]{36}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key))
      throw new Error(`not a document key: ${key}`);
    return join(root, key);
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      const exists = await stat(path).then(
        () => true,
        () => false,
      );
      if (exists) return;
      await mkdir(dirname(path), { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, path);
    },
    get: (key) => readFile(pathOf(key)),
  };
}

export const defaultFilesDir = (env: NodeJS.ProcessEnv = process.env) =>
  join(env.LINJU_DATA_DIR ?? '.data', 'files');
