import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { documentStoreContract } from './document-store.contract.ts';
import { DocumentMissing, readWholeDocument } from './document-store.ts';
import { createLocalDocumentStore } from './local-document-store.ts';
import { CHUNK_BYTES } from './metered-chunks.ts';
import { createPostgresDocumentStore } from './postgres-document-store.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
const maxBytes = 3 * CHUNK_BYTES;
const postgres = createPostgresDocumentStore({ db: app.db, box, maxBytes });
let a: TestDistrict;
let b: TestDistrict;

class RollBack extends Error {}

beforeAll(async () => {
  [a, b] = await Promise.all([
    createTestDistrict(app.db, box, 'docstore-a'),
    createTestDistrict(app.db, box, 'docstore-b'),
  ]);
});
afterAll(() => app.close());

documentStoreContract('PostgreSQL', {
  store: () => postgres,
  tenantId: () => a.tenantId,
  rolledBack: async (fn) => {
    await withTenant(app.db, a.tenantId, async (tx) => {
      await fn(tx);
      throw new RollBack();
    }).catch((error: unknown) => {
      if (!(error instanceof RollBack)) throw error;
    });
  },
});

const local = createLocalDocumentStore(mkdtempSync(join(tmpdir(), 'linju-docstore-')), maxBytes);
documentStoreContract('local (tests and tools)', {
  store: () => local,
  tenantId: () => a.tenantId,
});

describe('documents in PostgreSQL', () => {
  it('holds each chunk sealed: the database never sees the bytes', async () => {
    const bytes = Buffer.from(`居民身份证 ${randomBytes(8).toString('hex')} 调解协议书`.repeat(40));
    const stored = await postgres.put(a.tenantId, bytes);
    const rows = await withTenant(app.db, a.tenantId, (tx) =>
      tx.select({ content: schema.documentChunk.content }).from(schema.documentChunk),
    );
    const needle = bytes.subarray(0, 24);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.content.includes(needle))).toBe(false);
    expect((await readWholeDocument(postgres, stored.key)).equals(bytes)).toBe(true);
  });

  it("shows tenant B none of tenant A's document rows as linju_app, and B cannot read A's key", async () => {
    const stored = await postgres.put(a.tenantId, randomBytes(2000));
    const seenByB = await withTenant(app.db, b.tenantId, async (tx) => ({
      blobs: await tx.select().from(schema.documentBlob),
      chunks: await tx.select().from(schema.documentChunk),
    }));
    expect(seenByB.blobs.filter((r) => r.tenantId === a.tenantId)).toEqual([]);
    expect(seenByB.chunks.filter((r) => r.tenantId === a.tenantId)).toEqual([]);
    await expect(
      withTenant(app.db, b.tenantId, (tx) => readWholeDocument(postgres, stored.key, { tx })),
    ).rejects.toBeInstanceOf(DocumentMissing);
    // Nor may B write a chunk in A's name.
    await expect(
      withTenant(app.db, b.tenantId, (tx) =>
        tx.insert(schema.documentChunk).values({
          tenantId: a.tenantId,
          blobId: crypto.randomUUID(),
          chunk: 0,
          content: Buffer.from('x'),
        }),
      ),
    ).rejects.toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
  });

  it("does not open a chunk at another file's place or position (the seal names both)", async () => {
    const first = await postgres.put(a.tenantId, randomBytes(CHUNK_BYTES + 100));
    const chunks = await withTenant(app.db, a.tenantId, async (tx) => {
      const [blob] = await tx
        .select()
        .from(schema.documentBlob)
        .where(eq(schema.documentBlob.sha256, first.sha256));
      if (!blob) throw new Error('no blob row');
      return tx.select().from(schema.documentChunk).where(eq(schema.documentChunk.blobId, blob.id));
    });
    const one = chunks.find((c) => c.chunk === 1);
    if (!one) throw new Error('expected a second chunk');
    const at = (column: string) => ({ table: 'document_chunk', column });
    expect(box.openBytes(one.content, a.tenantId, at(`${one.blobId}/1`)).length).toBe(100);
    expect(() => box.openBytes(one.content, a.tenantId, at(`${one.blobId}/0`))).toThrow();
    expect(() => box.openBytes(one.content, a.tenantId, at(`${crypto.randomUUID()}/1`))).toThrow();
    expect(() => box.openBytes(one.content, b.tenantId, at(`${one.blobId}/1`))).toThrow();
  });
});
