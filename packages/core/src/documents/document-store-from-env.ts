import type { SecretBox } from '@linju/auth';
import { type Queryable, secretSetting } from '@linju/db';
import { z } from 'zod';
import { DEFAULT_UPLOAD_MAX_BYTES, type DocumentStore } from './document-store.ts';
import { createPostgresDocumentStore } from './postgres-document-store.ts';
import { createS3Client, type S3Settings } from './s3-client.ts';
import { createS3DocumentStore } from './s3-document-store.ts';

type Env = Record<string, string | undefined>;

const ZDocumentStoreEnv = z.object({
  LINJU_DOCUMENT_STORE: z.enum(['postgres', 's3']).default('postgres'),
  LINJU_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_UPLOAD_MAX_BYTES),
  LINJU_S3_ENDPOINT: z.url().optional(),
  LINJU_S3_BUCKET: z.string().min(3).max(63).optional(),
  LINJU_S3_REGION: z.string().min(1).default('us-east-1'),
  LINJU_S3_PATH_STYLE: z.enum(['true', 'false']).default('false'),
});

/** The most bytes one upload may have (`LINJU_UPLOAD_MAX_BYTES`, default 20 MiB): the upload routes' body limit follows it. */
export const uploadMaxBytes = (env: Env = process.env) => parseDocumentStoreEnv(env).LINJU_UPLOAD_MAX_BYTES;

function parseDocumentStoreEnv(env: Env) {
  const parsed = ZDocumentStoreEnv.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Document store: ${issue?.path.join('.')} ${issue?.message}`);
  }
  return parsed.data;
}

/** The S3 settings, every missing one named. */
function s3Settings(env: Env, parsed: ReturnType<typeof parseDocumentStoreEnv>): S3Settings {
  const accessKeyId = secretSetting(env, 'LINJU_S3_ACCESS_KEY_ID');
  const secretAccessKey = secretSetting(env, 'LINJU_S3_SECRET_ACCESS_KEY');
  const missing = [
    parsed.LINJU_S3_ENDPOINT ? null : 'LINJU_S3_ENDPOINT',
    parsed.LINJU_S3_BUCKET ? null : 'LINJU_S3_BUCKET',
    accessKeyId ? null : 'LINJU_S3_ACCESS_KEY_ID(_FILE)',
    secretAccessKey ? null : 'LINJU_S3_SECRET_ACCESS_KEY(_FILE)',
  ].filter(Boolean);
  if (
    missing.length > 0 ||
    !parsed.LINJU_S3_ENDPOINT ||
    !parsed.LINJU_S3_BUCKET ||
    !accessKeyId ||
    !secretAccessKey
  )
    throw new Error(`LINJU_DOCUMENT_STORE=s3 needs ${missing.join(', ')}.`);
  return {
    endpoint: parsed.LINJU_S3_ENDPOINT,
    bucket: parsed.LINJU_S3_BUCKET,
    region: parsed.LINJU_S3_REGION,
    accessKeyId,
    secretAccessKey,
    pathStyle: parsed.LINJU_S3_PATH_STYLE === 'true',
  };
}

export type DocumentStoreSettings = { maxBytes: number; s3: S3Settings | null };

/** The document store's settings, each wrong or missing one named: read at start, with the others. */
export function documentStoreSettings(env: Env = process.env): DocumentStoreSettings {
  const parsed = parseDocumentStoreEnv(env);
  return {
    maxBytes: parsed.LINJU_UPLOAD_MAX_BYTES,
    s3: parsed.LINJU_DOCUMENT_STORE === 's3' ? s3Settings(env, parsed) : null,
  };
}

/** The store the settings name: PostgreSQL (the application role's database) unless `LINJU_DOCUMENT_STORE=s3`. */
export function createDocumentStore(
  settings: DocumentStoreSettings,
  deps: { db: Queryable; box: SecretBox },
): DocumentStore {
  const { maxBytes, s3 } = settings;
  if (s3) return createS3DocumentStore({ s3: createS3Client(s3), box: deps.box, maxBytes });
  return createPostgresDocumentStore({ ...deps, maxBytes });
}

export const documentStoreFromEnv = (deps: { db: Queryable; box: SecretBox }, env: Env = process.env) =>
  createDocumentStore(documentStoreSettings(env), deps);
