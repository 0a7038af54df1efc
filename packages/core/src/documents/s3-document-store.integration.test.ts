import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { ensureWeed, type SeaweedS3, startSeaweedS3 } from '@linju/infra-seaweedfs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentStoreContract } from './document-store.contract.ts';
import { readWholeDocument } from './document-store.ts';
import { CHUNK_BYTES } from './metered-chunks.ts';
import { createS3Client, type S3Client } from './s3-client.ts';
import { createS3DocumentStore } from './s3-document-store.ts';

/**
 * The S3 document store against a real S3-compatible server (SeaweedFS, built by the project's
 * setup into ~/.cache/linju), which checks every request's Signature V4 against its one identity.
 */
const TENANT = '0b6f4e4a-1d1c-4c6e-9a55-6d0f2a5b1e0a';
const keys = { accessKeyId: 'linju-test', secretAccessKey: randomBytes(24).toString('base64url') };
const box = createSecretBox(randomBytes(32));
const dir = mkdtempSync(join(tmpdir(), 'linju-seaweedfs-'));
let server: SeaweedS3;
let s3: S3Client;

beforeAll(async () => {
  server = await startSeaweedS3({ weed: ensureWeed(console.log), dir, ...keys });
  s3 = createS3Client({
    endpoint: server.endpoint,
    bucket: 'linju-documents',
    region: 'us-east-1',
    pathStyle: true,
    ...keys,
  });
  // The gateway answers before its filer is ready: the first bucket write waits for it.
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await s3.createBucket();
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

documentStoreContract('S3 (SeaweedFS)', {
  store: () => createS3DocumentStore({ s3, box, maxBytes: 3 * CHUNK_BYTES }),
  tenantId: () => TENANT,
});

describe('documents in an S3 bucket', () => {
  it('holds only sealed chunks: the bucket never sees the bytes', async () => {
    const store = createS3DocumentStore({ s3, box, maxBytes: 3 * CHUNK_BYTES });
    const bytes = Buffer.from(`居民身份证 ${randomBytes(8).toString('hex')} 调解协议书`.repeat(40));
    const stored = await store.put(TENANT, bytes);
    const manifest = JSON.parse((await s3.getObject(stored.key))?.toString('utf8') ?? '{}');
    const chunk = await s3.getObject(`${TENANT}/chunks/${manifest.blobId}/0`);
    expect(chunk?.includes(bytes.subarray(0, 24))).toBe(false);
    expect((await readWholeDocument(store, stored.key)).equals(bytes)).toBe(true);
  });

  it('is refused by the server with a wrong secret (the requests are really signed)', async () => {
    const forged = createS3Client({
      endpoint: server.endpoint,
      bucket: 'linju-documents',
      region: 'us-east-1',
      pathStyle: true,
      accessKeyId: keys.accessKeyId,
      secretAccessKey: 'not-the-secret',
    });
    await expect(forged.putObject(`${TENANT}/forged`, Buffer.from('x'))).rejects.toThrow(/403/);
  });
});
