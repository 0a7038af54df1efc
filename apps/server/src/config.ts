import { join } from 'node:path';
import { uploadMaxBytes } from '@linju/core';
import { RUNTIME_SETTINGS, requireProductionSettings, secretSetting } from '@linju/db';
import { readTemporalConnection, type TemporalConnectionOptions } from '@linju/workflows';
import { z } from 'zod';
import { parseTrustedProxies, type TrustedProxies } from './http/client-address.ts';
import { parseTenantHostSuffix } from './http/tenant-hint.ts';

const repoRoot = join(import.meta.dirname, '..', '..', '..');

const ZServerEnv = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** The application role's URL (subject to RLS), or its secret file `DATABASE_APP_URL_FILE`; `linju start` passes it. */
  DATABASE_APP_URL: z.string().url(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  LINJU_DATA_DIR: z.string().default(join(repoRoot, '.data')),
  /** Where browsers reach this server; used for absolute links and the federation document. */
  LINJU_PUBLIC_URL: z.string().url().optional(),
  /** This deployment's name in the referral exchange (spec/referral-exchange.md). */
  LINJU_NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/)
    .optional(),
  LINJU_NODE_NAME: z.string().min(1).max(200).default('Linju'),
  /** Proxies (CIDRs, comma-separated) whose `Forwarded`/`X-Forwarded-*` headers name the client. */
  LINJU_TRUSTED_PROXIES: z.string().optional(),
  /** `.linju.example.gov.cn`: `xuhui.linju.example.gov.cn` reaches district `xuhui`; no other host names one. */
  LINJU_TENANT_HOST_SUFFIX: z.string().optional(),
  LINJU_ADMIN_BUILD: z.string().default(join(repoRoot, 'apps', 'admin', 'build')),
  /** Bearer token Prometheus sends to read `/metrics` (at least 16 characters), or its secret file `LINJU_METRICS_TOKEN_FILE`. */
  LINJU_METRICS_TOKEN: z.string().optional(),
  /** Networks (CIDRs, comma-separated) whose scrapers read `/metrics` without the token; by socket peer. */
  LINJU_METRICS_ALLOW: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type ServerConfig = z.infer<typeof ZServerEnv> & {
  publicUrl: string;
  secureCookies: boolean;
  /**
   * The body limit of the admin's upload forms: twice `LINJU_UPLOAD_MAX_BYTES` and room for the
   * fields, so a file a little over the limit is read and refused on its form field by name; one
   * far over it gets the server's "too large" page.
   */
  uploadBodyBytes: number;
  /** `LINJU_UPLOAD_MAX_BYTES`: the admin's forms that read a file whole stop there too. */
  uploadMaxBytes: number;
  trustedProxies: TrustedProxies;
  tenantHostSuffix: string | null;
  /** `TEMPORAL_ADDRESS` and its TLS, mTLS and API-key settings, read once for every connection. */
  temporal: TemporalConnectionOptions;
};

/** In production (`LINJU_ENV=production`) the defaults below marked "embedded" are refused, not taken. */
export function loadServerConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  requireProductionSettings(RUNTIME_SETTINGS, env);
  const parsed = ZServerEnv.safeParse({
    ...env,
    DATABASE_APP_URL: secretSetting(env, 'DATABASE_APP_URL'),
    LINJU_METRICS_TOKEN: secretSetting(env, 'LINJU_METRICS_TOKEN'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Server configuration: ${issue?.path.join('.')} ${issue?.message}`);
  }
  const publicUrl = parsed.data.LINJU_PUBLIC_URL ?? `http://localhost:${parsed.data.PORT}`;
  return {
    ...parsed.data,
    publicUrl,
    secureCookies: publicUrl.startsWith('https:'),
    uploadBodyBytes: 2 * uploadMaxBytes(env) + 1024 * 1024,
    uploadMaxBytes: uploadMaxBytes(env),
    trustedProxies: parseTrustedProxies(parsed.data.LINJU_TRUSTED_PROXIES),
    tenantHostSuffix: parseTenantHostSuffix(parsed.data.LINJU_TENANT_HOST_SUFFIX),
    temporal: readTemporalConnection(env),
  };
}
