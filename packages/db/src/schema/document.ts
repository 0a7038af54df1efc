import { bigint, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from './bytea.ts';
import { tenantId, tenantIsolation } from './tenancy.ts';

/**
 * A document's bytes held in the database (the default document store): one row per file and
 * tenant, found by its SHA-256 (content-addressed: a file stored twice is stored once). Written in
 * the transaction of the row that refers to it, so a rollback leaves nothing, and backed up with it.
 */
export const documentBlob = pgTable(
  'document_blob',
  {
    tenantId: tenantId(),
    sha256: text('sha256').notNull(),
    /** Names the chunks; bound into each chunk's seal, so a chunk opens only as this file's. */
    id: uuid('id').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    chunks: integer('chunks').notNull(),
    storedAt: timestamp('stored_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.sha256] }), tenantIsolation('document_blob')],
).enableRLS();

/** A file's bytes, 1 MiB at a time, each sealed with the tenant's data key (read one by one, streamed). */
export const documentChunk = pgTable(
  'document_chunk',
  {
    tenantId: tenantId(),
    blobId: uuid('blob_id').notNull(),
    chunk: integer('chunk').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.blobId, t.chunk] }), tenantIsolation('document_chunk')],
).enableRLS();

/** Chunks are written before their file's row (its digest is known only at the end), so no foreign key ties them. */
export const DOCUMENT_CHUNK_BYTES = 1024 * 1024;
