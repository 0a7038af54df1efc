import { sql } from 'drizzle-orm';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction of `withTenant`: every statement in it sees only that tenant's rows. */
export type TenantTx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** What queries take: the database itself (platform tables) or a tenant transaction. */
export type Queryable = Database | TenantTx;

export type DbHandle = { db: Database; close: () => Promise<void> };

/** Opens a pool. The server and worker pass the application role's URL, subject to RLS. */
export function connect(url: string, options: { max?: number } = {}): DbHandle {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: 'linju' },
  });
  return { db: drizzle(client, { schema }), close: () => client.end({ timeout: 5 }) };
}

/**
 * Runs `fn` in one transaction bound to `tenantId`: RLS then shows and accepts only that tenant's
 * rows. One mutation, one transaction: an error rolls everything back, audit entry included.
 */
export function withTenant<T>(db: Queryable, tenantId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  // Inside a transaction this opens a savepoint; the tenant setting then holds to the outer commit.
  return (db as Database).transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    return fn(tx);
  });
}
