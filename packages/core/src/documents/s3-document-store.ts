import { randomUUID } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import { z } from 'zod';
import { chunkSealedAt } from './chunk-seal.ts';
import { DocumentMissing, type DocumentStore, documentKey, parseDocumentKey } from './document-store.ts';
import { meteredChunks } from './metered-chunks.ts';
import type { S3Client } from './s3-client.ts';

/** What the object under a document's key holds: where its sealed chunks are. */
const ZManifest = z.object({
  blobId: z.uuid(),
  chunks: z.number().int().min(0),
  sizeBytes: z.number().int().min(0),
});

const chunkKey = (tenantId: string, blobId: string, chunk: number) => `${tenantId}/chunks/${blobId}/${chunk}`;

/**
 * Documents in an S3-compatible bucket: each chunk an object sealed with the tenant's data key,
 * then a small manifest under the document's key, written last, so a document is there whole or
 * not at all. A bucket joins no transaction: a refused upload's chunks are deleted at once, and a
 * transaction that rolls back after a put leaves an unreferenced (sealed, content-addressed) file.
 */
export function createS3DocumentStore(deps: {
  s3: S3Client;
  box: SecretBox;
  maxBytes: number;
}): DocumentStore {
  const { s3, box, maxBytes } = deps;
  return {
    maxBytes,
    async put(tenantId, content, options = {}) {
      const metered = meteredChunks(content, maxBytes);
      const blobId = randomUUID();
      let chunks = 0;
      const discard = async () => {
        for (let chunk = 0; chunk < chunks; chunk++) await s3.deleteObject(chunkKey(tenantId, blobId, chunk));
      };
      try {
        for await (const chunk of metered.chunks) {
          await s3.putObject(
            chunkKey(tenantId, blobId, chunks),
            box.sealBytes(chunk, tenantId, chunkSealedAt(blobId, chunks)),
          );
          chunks += 1;
        }
        const { sha256, sizeBytes, sample } = metered.result();
        const stored = { key: documentKey(tenantId, sha256), sha256, sizeBytes, sample };
        options.accept?.(stored);
        if (await s3.hasObject(stored.key)) await discard();
        else await s3.putObject(stored.key, Buffer.from(JSON.stringify({ blobId, chunks, sizeBytes })));
        return stored;
      } catch (error) {
        await discard();
        throw error;
      }
    },
    async *read(key) {
      const { tenantId } = parseDocumentKey(key);
      const manifest = await s3.getObject(key);
      if (!manifest) throw new DocumentMissing(key);
      const { blobId, chunks } = ZManifest.parse(JSON.parse(manifest.toString('utf8')));
      for (let chunk = 0; chunk < chunks; chunk++) {
        const sealed = await s3.getObject(chunkKey(tenantId, blobId, chunk));
        if (!sealed) throw new Error(`document ${key} lacks its chunk ${chunk}`);
        yield box.openBytes(sealed, tenantId, chunkSealedAt(blobId, chunk));
      }
    },
    async delete(key) {
      const { tenantId } = parseDocumentKey(key);
      const manifest = await s3.getObject(key);
      if (!manifest) return;
      const { blobId, chunks } = ZManifest.parse(JSON.parse(manifest.toString('utf8')));
      // The manifest first: from then on the document is gone, whatever chunks a failure leaves.
      await s3.deleteObject(key);
      for (let chunk = 0; chunk < chunks; chunk++) await s3.deleteObject(chunkKey(tenantId, blobId, chunk));
    },
  };
}
