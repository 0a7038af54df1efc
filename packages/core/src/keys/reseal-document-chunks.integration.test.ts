import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readWholeDocument } from '../documents/document-store.ts';
import { CHUNK_BYTES } from '../documents/metered-chunks.ts';
import { createPostgresDocumentStore } from '../documents/postgres-document-store.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { rotateSealedValues } from './rotate-sealed-values.ts';

const app = connect(inject('databaseUrl'));
const owner = connect(inject('ownerDatabaseUrl'), { max: 2 });
const OLD_KEY = randomBytes(32);
const NEW_KEY = randomBytes(32);
const before = createSecretBox(OLD_KEY);
let d: TestDistrict;

beforeAll(async () => {
  d = await createTestDistrict(app.db, before, 'rotate-docs');
});
afterAll(async () => {
  await Promise.all([app.close(), owner.close()]);
});

describe('linju keys rotate, for documents', () => {
  it('re-seals every chunk under the new key, so a document opens once the old key is gone', async () => {
    const bytes = randomBytes(2 * CHUNK_BYTES + 99);
    const stored = await createPostgresDocumentStore({
      db: app.db,
      box: before,
      maxBytes: 3 * CHUNK_BYTES,
    }).put(d.tenantId, bytes);
    const rotating = createSecretBox({ current: NEW_KEY, retired: [OLD_KEY] });
    const batches: string[] = [];
    await rotateSealedValues(owner.db, rotating, {
      tenantIds: [d.tenantId],
      onBatch: (b) => batches.push(`${b.table}.${b.column}:${b.resealed}`),
    });
    expect(batches).toContain('document_chunk.content:3');
    const afterwards = createPostgresDocumentStore({
      db: app.db,
      box: createSecretBox(NEW_KEY),
      maxBytes: 3 * CHUNK_BYTES,
    });
    expect((await readWholeDocument(afterwards, stored.key)).equals(bytes)).toBe(true);
    const again: string[] = [];
    await rotateSealedValues(owner.db, rotating, {
      tenantIds: [d.tenantId],
      onBatch: (b) => again.push(b.table),
    });
    expect(again).not.toContain('document_chunk');
  });
});
