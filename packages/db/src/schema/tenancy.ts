import { sql } from 'drizzle-orm';
import { pgPolicy, uuid } from 'drizzle-orm/pg-core';
import { APP_ROLE } from '../app-role.ts';
import { tenant } from './tenant.ts';

export { APP_ROLE };

/** The tenant of the current transaction, or NULL when none was set (then RLS shows no rows). */
export const currentTenant = sql`nullif(current_setting('app.tenant_id', true), '')::uuid`;

/** Every tenant-owned table starts with this column and is part of its primary key. */
export const tenantId = () =>
  uuid('tenant_id')
    .notNull()
    .references(() => tenant.id);

/** The one RLS policy of every tenant table: rows of the transaction's tenant only, read and write. */
export const tenantIsolation = (table: string) =>
  pgPolicy(`${table}_tenant_isolation`, {
    as: 'permissive',
    for: 'all',
    to: APP_ROLE,
    using: sql`tenant_id = ${currentTenant}`,
    withCheck: sql`tenant_id = ${currentTenant}`,
  });

/**
 * Tables outside tenancy, each for a reason: `tenant` is read to find the tenant; `session` and
 * `login_throttle` are read before a request's tenant is known; `platform_operator` is nobody's
 * tenant; the federation's peers and nonces belong to the node, not to a district, and its routes
 * are read before the tenant a message names is known; `rating_code` is
 * read by the public rating page before it knows the tenant (the code tells it), and
 * `questionnaire_access` likewise by the public questionnaire page. Under Citus they
 * are reference tables. Every other table is a tenant table in full.
 */
export const PLATFORM_TABLES = [
  'tenant',
  // A district's own host names: read to find the tenant a host names, like `tenant`.
  'tenant_domain',
  'session',
  'platform_operator',
  // An operator's one-time setup link, read before anyone is signed in: nobody's tenant either.
  'platform_operator_setup',
  'login_throttle',
  'federation_peer',
  // Which of the node's organisations a peer may address: the node's trust, like the peers.
  'federation_peer_allowance',
  'federation_nonce',
  'federation_route',
  'rating_code',
  // Read by the public questionnaire page before it knows the tenant, like `rating_code`.
  'questionnaire_access',
  // The partner's one-time link page learns the tenant from the link, like `rating_code`.
  'partner_link',
  // Which plugin migrations ran: the deployment's, like the core's drizzle journal.
  'plugin_migration',
  // That an erased district existed: the platform's record, outliving the district's own rows.
  'tenant_erasure',
  // The statute library: national law, the same for every district (read-only to the app role).
  'statute_law',
  'statute_article',
  'statute_term',
] as const;
