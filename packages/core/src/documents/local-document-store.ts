import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DocumentMissing, type DocumentStore, documentKey, parseDocumentKey } from './document-store.ts';
import { CHUNK_BYTES, meteredChunks } from './metered-chunks.ts';

/**
 * Files on the local disk, unsealed and outside any transaction: for tests and tools only (a
 * deployment keeps documents in PostgreSQL or S3, `LINJU_DOCUMENT_STORE`).
 */
export function createLocalDocumentStore(root: string, maxBytes = 64 * 1024 * 1024): DocumentStore {
  const pathOf = (key: string) => {
    parseDocumentKey(key);
    return join(root, key);
  };
  return {
    maxBytes,
    async put(tenantId, content, options = {}) {
      await mkdir(root, { recursive: true });
      // Written aside and renamed once accepted, so a reader never sees half a file.
      const temporary = join(root, `.${randomBytes(8).toString('hex')}.tmp`);
      const file = await open(temporary, 'wx', 0o600);
      try {
        const metered = meteredChunks(content, maxBytes);
        for await (const chunk of metered.chunks) await file.write(chunk);
        await file.close();
        const { sha256, sizeBytes, sample } = metered.result();
        const stored = { key: documentKey(tenantId, sha256), sha256, sizeBytes, sample };
        options.accept?.(stored);
        const path = pathOf(stored.key);
        await mkdir(dirname(path), { recursive: true });
        await rename(temporary, path);
        return stored;
      } finally {
        await file.close().catch(() => {});
        await rm(temporary, { force: true });
      }
    },
    delete: (key) => rm(pathOf(key), { force: true }),
    async *read(key) {
      const path = pathOf(key);
      if (
        !(await stat(path).then(
          () => true,
          () => false,
        ))
      )
        throw new DocumentMissing(key);
      for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) yield chunk as Buffer;
    },
  };
}
