import type { SecretBox } from '@linju/auth';
import { and, asc, eq, type Queryable, schema, sql } from '@linju/db';
import { chunkSealedAt } from '../documents/chunk-seal.ts';

/**
 * Re-seals up to `limit` document chunks of one tenant not sealed under the ring's current key, in
 * the caller's transaction (`linju keys rotate`): the same place in the seal, the current key.
 * Rows are locked as read; the filter makes a re-run pick up exactly what is left.
 */
export async function resealDocumentChunks(
  tx: Queryable,
  box: SecretBox,
  tenantId: string,
  limit: number,
): Promise<number> {
  const current = Buffer.from(box.currentPrefix);
  const c = schema.documentChunk;
  const rows = await tx
    .select()
    .from(c)
    .where(
      and(eq(c.tenantId, tenantId), sql`substring(${c.content} from 1 for ${current.length}) <> ${current}`),
    )
    .orderBy(asc(c.blobId), asc(c.chunk))
    .limit(limit)
    .for('update');
  for (const row of rows) {
    const at = chunkSealedAt(row.blobId, row.chunk);
    await tx
      .update(c)
      .set({ content: box.sealBytes(box.openBytes(row.content, tenantId, at), tenantId, at) })
      .where(and(eq(c.tenantId, tenantId), eq(c.blobId, row.blobId), eq(c.chunk, row.chunk)));
  }
  return rows.length;
}
