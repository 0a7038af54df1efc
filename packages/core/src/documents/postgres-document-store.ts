import { randomUUID } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import { and, eq, type Queryable, schema, type TenantTx, withTenant } from '@linju/db';
import { chunkSealedAt } from './chunk-seal.ts';
import {
  DocumentMissing,
  type DocumentStore,
  documentKey,
  parseDocumentKey,
  type StoredContent,
} from './document-store.ts';
import { meteredChunks } from './metered-chunks.ts';

/** Thrown inside the put's savepoint when the file was already stored: its chunks roll back, the first copy stays. */
class AlreadyStored extends Error {}

/**
 * Documents in PostgreSQL (`document_blob`, `document_chunk`), sealed chunk by chunk with the
 * tenant's data key. A put joins the caller's transaction (a savepoint inside it), so the bytes
 * commit or roll back with the row that refers to them; without one it runs its own.
 */
export function createPostgresDocumentStore(deps: {
  db: Queryable;
  box: SecretBox;
  maxBytes: number;
}): DocumentStore {
  const { db, box, maxBytes } = deps;
  const inTenant = <T>(tenantId: string, tx: TenantTx | undefined, fn: (tx: TenantTx) => Promise<T>) =>
    tx ? fn(tx) : withTenant(db, tenantId, fn);

  return {
    maxBytes,
    inDatabase: true,
    put: (tenantId, content, options = {}) =>
      inTenant(tenantId, options.tx, async (tx) => {
        const metered = meteredChunks(content, maxBytes);
        const blobId = randomUUID();
        let stored: StoredContent | undefined;
        try {
          await tx.transaction(async (savepoint) => {
            let chunks = 0;
            for await (const chunk of metered.chunks) {
              await savepoint.insert(schema.documentChunk).values({
                tenantId,
                blobId,
                chunk: chunks,
                content: box.sealBytes(chunk, tenantId, chunkSealedAt(blobId, chunks)),
              });
              chunks += 1;
            }
            const { sha256, sizeBytes, sample } = metered.result();
            stored = { key: documentKey(tenantId, sha256), sha256, sizeBytes, sample };
            options.accept?.(stored);
            const [kept] = await savepoint
              .insert(schema.documentBlob)
              .values({ tenantId, sha256, id: blobId, sizeBytes, chunks })
              .onConflictDoNothing()
              .returning({ id: schema.documentBlob.id });
            if (!kept) throw new AlreadyStored();
          });
        } catch (error) {
          if (!(error instanceof AlreadyStored)) throw error;
        }
        if (!stored) throw new Error('the document was not read to its end');
        return stored;
      }),

    async *read(key, options = {}) {
      const { tenantId, sha256 } = parseDocumentKey(key);
      const [blob] = await inTenant(tenantId, options.tx, (tx) =>
        tx
          .select()
          .from(schema.documentBlob)
          .where(and(eq(schema.documentBlob.tenantId, tenantId), eq(schema.documentBlob.sha256, sha256))),
      );
      if (!blob) throw new DocumentMissing(key);
      // One chunk per query: a 20 MiB file is never in memory whole.
      for (let chunk = 0; chunk < blob.chunks; chunk++) {
        const [row] = await inTenant(tenantId, options.tx, (tx) =>
          tx
            .select({ content: schema.documentChunk.content })
            .from(schema.documentChunk)
            .where(
              and(
                eq(schema.documentChunk.tenantId, tenantId),
                eq(schema.documentChunk.blobId, blob.id),
                eq(schema.documentChunk.chunk, chunk),
              ),
            ),
        );
        if (!row) throw new Error(`document ${key} lacks its chunk ${chunk}`);
        yield box.openBytes(row.content, tenantId, chunkSealedAt(blob.id, chunk));
      }
    },
  };
}
