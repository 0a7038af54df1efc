import { randomBytes } from 'node:crypto';
import type { TenantTx } from '@linju/db';
import { describe, expect, it } from 'vitest';
import {
  DocumentMissing,
  type DocumentStore,
  DocumentTooLarge,
  documentKey,
  sha256Hex,
} from './document-store.ts';
import { CHUNK_BYTES } from './metered-chunks.ts';

export type StoreUnderTest = {
  store: () => DocumentStore;
  tenantId: () => string;
  /** Runs `fn` in a transaction of the tenant that is then rolled back; only for stores that join transactions. */
  rolledBack?: (fn: (tx: TenantTx) => Promise<void>) => Promise<void>;
};

/** Pieces of `bytes` as a form's file part arrives, counting how many were pulled. */
function streamed(bytes: Buffer, piece = 64 * 1024) {
  const pulled = { pieces: 0 };
  async function* pieces() {
    for (let at = 0; at < bytes.length; at += piece) {
      pulled.pieces += 1;
      yield bytes.subarray(at, at + piece);
    }
  }
  return { content: pieces(), pulled, total: Math.ceil(bytes.length / piece) };
}

async function chunksOf(store: DocumentStore, key: string, tx?: TenantTx) {
  const chunks: Buffer[] = [];
  for await (const chunk of store.read(key, tx ? { tx } : {})) chunks.push(chunk);
  return chunks;
}

const missing = async (store: DocumentStore, key: string) => {
  try {
    await chunksOf(store, key);
  } catch (error) {
    return error instanceof DocumentMissing;
  }
  return false;
};

/** What every document store must do; run against each implementation with its own setup. */
export function documentStoreContract(name: string, subject: StoreUnderTest) {
  describe(`the ${name} document store`, () => {
    it('stores streamed content under its content address and reads it back byte-identical, chunk by chunk', async () => {
      const bytes = randomBytes(2 * CHUNK_BYTES + 12_345);
      const { content } = streamed(bytes);
      const stored = await subject.store().put(subject.tenantId(), content);
      expect(stored).toMatchObject({
        key: documentKey(subject.tenantId(), sha256Hex(bytes)),
        sha256: sha256Hex(bytes),
        sizeBytes: bytes.length,
      });
      const chunks = await chunksOf(subject.store(), stored.key);
      expect(chunks.length).toBe(3);
      expect(chunks.every((c) => c.length <= CHUNK_BYTES)).toBe(true);
      expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    });

    it('stores the same content twice as one document under one key', async () => {
      const bytes = randomBytes(5000);
      const first = await subject.store().put(subject.tenantId(), bytes);
      const second = await subject.store().put(subject.tenantId(), streamed(bytes, 700).content);
      expect(second.key).toBe(first.key);
      expect(Buffer.concat(await chunksOf(subject.store(), first.key)).equals(bytes)).toBe(true);
    });

    it('stops reading past its size limit and keeps nothing', async () => {
      const store = subject.store();
      const bytes = randomBytes(store.maxBytes + CHUNK_BYTES);
      const { content, pulled, total } = streamed(bytes);
      await expect(store.put(subject.tenantId(), content)).rejects.toBeInstanceOf(DocumentTooLarge);
      // Refused at the piece that went over, not after reading the whole body.
      expect(pulled.pieces).toBeLessThan(total);
      expect(await missing(store, documentKey(subject.tenantId(), sha256Hex(bytes)))).toBe(true);
    });

    it('keeps nothing when the put is refused after the bytes are in (a type check)', async () => {
      const bytes = randomBytes(3000);
      const refused = new Error('not that type');
      await expect(
        subject.store().put(subject.tenantId(), bytes, {
          accept: () => {
            throw refused;
          },
        }),
      ).rejects.toBe(refused);
      expect(await missing(subject.store(), documentKey(subject.tenantId(), sha256Hex(bytes)))).toBe(true);
    });

    it('answers DocumentMissing for a key with no document, and refuses what is not a key', async () => {
      expect(await missing(subject.store(), documentKey(subject.tenantId(), 'ab'.repeat(32)))).toBe(true);
      await expect(chunksOf(subject.store(), '../../etc/passwd')).rejects.toThrow(/not a document key/);
      await expect(chunksOf(subject.store(), `${subject.tenantId()}/00/${'ab'.repeat(32)}`)).rejects.toThrow(
        /not a document key/,
      );
    });

    const { rolledBack } = subject;
    if (rolledBack) {
      it('keeps nothing of a put whose transaction rolls back', async () => {
        const bytes = randomBytes(CHUNK_BYTES + 10);
        await rolledBack(async (tx) => {
          const stored = await subject.store().put(subject.tenantId(), bytes, { tx });
          // Inside the transaction the document is there...
          expect(Buffer.concat(await chunksOf(subject.store(), stored.key, tx)).equals(bytes)).toBe(true);
        });
        // ...and after its rollback nothing of it is.
        expect(await missing(subject.store(), documentKey(subject.tenantId(), sha256Hex(bytes)))).toBe(true);
      });
    }
  });
}
