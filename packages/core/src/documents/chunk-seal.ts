/**
 * Where a chunk sits, bound into its seal with the tenant: its file and position, so no chunk opens
 * as another file's or at another place in its own. The same in every store, so sealed chunks move
 * between stores as they are.
 */
export const chunkSealedAt = (blobId: string, chunk: number) => ({
  table: 'document_chunk',
  column: `${blobId}/${chunk}`,
});
