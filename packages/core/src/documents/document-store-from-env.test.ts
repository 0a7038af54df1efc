import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentStoreSettings } from './document-store-from-env.ts';

describe('documentStoreSettings', () => {
  it('is PostgreSQL with a 20 MiB cap when nothing is set', () => {
    expect(documentStoreSettings({})).toEqual({ maxBytes: 20 * 1024 * 1024, s3: null });
  });

  it('names every S3 setting missing, and reads the keys from secret files', () => {
    expect(() => documentStoreSettings({ LINJU_DOCUMENT_STORE: 's3' })).toThrow(
      'LINJU_DOCUMENT_STORE=s3 needs LINJU_S3_ENDPOINT, LINJU_S3_BUCKET, LINJU_S3_ACCESS_KEY_ID(_FILE), LINJU_S3_SECRET_ACCESS_KEY(_FILE).',
    );
    const dir = mkdtempSync(join(tmpdir(), 'linju-s3-keys-'));
    writeFileSync(join(dir, 'id'), 'AKID\n');
    writeFileSync(join(dir, 'secret'), 'SECRET\n');
    expect(
      documentStoreSettings({
        LINJU_DOCUMENT_STORE: 's3',
        LINJU_S3_ENDPOINT: 'https://oss-cn-shanghai.aliyuncs.com',
        LINJU_S3_BUCKET: 'xuhui-documents',
        LINJU_S3_REGION: 'oss-cn-shanghai',
        LINJU_S3_ACCESS_KEY_ID_FILE: join(dir, 'id'),
        LINJU_S3_SECRET_ACCESS_KEY_FILE: join(dir, 'secret'),
        LINJU_UPLOAD_MAX_BYTES: '10485760',
      }),
    ).toEqual({
      maxBytes: 10 * 1024 * 1024,
      s3: {
        endpoint: 'https://oss-cn-shanghai.aliyuncs.com',
        bucket: 'xuhui-documents',
        region: 'oss-cn-shanghai',
        accessKeyId: 'AKID',
        secretAccessKey: 'SECRET',
        pathStyle: false,
      },
    });
  });

  it('refuses a store it does not know and a cap that is not a number', () => {
    expect(() => documentStoreSettings({ LINJU_DOCUMENT_STORE: 'disk' })).toThrow(/LINJU_DOCUMENT_STORE/);
    expect(() => documentStoreSettings({ LINJU_UPLOAD_MAX_BYTES: '20MB' })).toThrow(/LINJU_UPLOAD_MAX_BYTES/);
  });
});
