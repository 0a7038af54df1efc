import { sql } from 'drizzle-orm';
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { databasePrepare } from './database-prepare.ts';
import { guardPool, newPoolStats, type PoolStats } from './pool-guard.ts';
import { openPostgres } from './postgres-client.ts';
import * as schema from './schema/index.ts';

export type Database = PostgresJsDatabase<typeof schema>;
/** A transaction of `withTenant`: every statement in it sees only that tenant's rows. */
export type TenantTx = Parameters<Parameters<Database['transaction']>[0]>[0];
/** What queries take: the database itself (platform tables) or a tenant transaction. */
export type Queryable = Database | TenantTx;

export type DbHandle = {
  db: Database;
  close: () => Promise<void>;
  /** Live counts of the pool's transactions (read by `/metrics`). */
  pool: Readonly<PoolStats>;
};

/**
 * Every connection's deadlines, so nothing holds the node forever: a statement is cancelled after
 * `statementMs`; a transaction idle for `idleInTransactionMs` is ended by the server (its
 * connection closed, the pool opens another) — long enough for a request that waits inside its
 * transaction for a workflow update while a worker restarts; and a caller waits at most
 * `acquireMs` for a free connection. Set per connection at start-up (postgres.js `connection`),
 * not on the role: one place, any PostgreSQL (also an external one), no migration.
 */
export const DATABASE_DEADLINES = { statementMs: 30_000, idleInTransactionMs: 60_000, acquireMs: 10_000 };

/**
 * Opens a pool. The server and worker pass the application role's URL, subject to RLS. Every pool
 * follows `DATABASE_PREPARE` unless told (`prepare`): the server's, the worker's and the CLI's alike.
 */
export function connect(
  url: string,
  options: { max?: number; deadlines?: Partial<typeof DATABASE_DEADLINES>; prepare?: boolean } = {},
): DbHandle {
  const deadlines = { ...DATABASE_DEADLINES, ...options.deadlines };
  const pool = newPoolStats(options.max ?? 10);
  const prepare = options.prepare ?? databasePrepare();
  const client = openPostgres(url, {
    max: pool.max,
    prepare,
    onnotice: () => {},
    connection: {
      application_name: 'linju',
      statement_timeout: deadlines.statementMs,
      idle_in_transaction_session_timeout: deadlines.idleInTransactionMs,
    },
  });
  const db = drizzle(guardPool(client, deadlines.acquireMs, pool), { schema });
  // One connection, opened on first use, for statements that commit on their own (`committedAtOnce`).
  const own = openPostgres(url, {
    max: 1,
    prepare,
    onnotice: () => {},
    connection: {
      application_name: 'linju-own',
      statement_timeout: deadlines.statementMs,
    },
  });
  ownStatements.set(db, drizzle(own, { schema }));
  return {
    db,
    close: async () => {
      await Promise.all([client.end({ timeout: 5 }), own.end({ timeout: 5 })]);
    },
    pool,
  };
}

/** The connection for statements committed on their own, by the pool or transaction it serves. */
const ownStatements = new WeakMap<object, Database>();

/**
 * A database handle whose every statement is a transaction of its own, committed at once, whatever
 * becomes of `tx`: for a counter drawn inside a transaction without holding its row until that
 * transaction ends (a case's number). Its own connection, so it never waits for the pool `tx`
 * holds one of; such a statement is not bound to `tx`'s tenant, it binds itself. Undefined for a
 * transaction not opened by `withTenant` on a pool of `connect()` (one that made the district it
 * works in, whose rows no other connection sees yet): draw in `tx` then.
 */
export const committedAtOnce = (tx: Queryable): Database | undefined => ownStatements.get(tx);

/**
 * Runs `fn` in one transaction bound to `tenantId`: RLS then shows and accepts only that tenant's
 * rows. One mutation, one transaction: an error rolls everything back, audit entry included.
 */
export function withTenant<T>(db: Queryable, tenantId: string, fn: (tx: TenantTx) => Promise<T>): Promise<T> {
  // Inside a transaction this opens a savepoint; the tenant setting then holds to the outer commit.
  return (db as Database).transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.tenant_id', ${tenantId}, true)`);
    tenantOfTx.set(tx, tenantId);
    const own = ownStatements.get(db);
    if (own) ownStatements.set(tx, own);
    return fn(tx);
  });
}

const tenantOfTx = new WeakMap<TenantTx, string>();

/**
 * The tenant `withTenant` bound this transaction to, known without asking the database (undefined
 * for a transaction bound otherwise: ask `current_setting('app.tenant_id')`).
 */
export const boundTenantOf = (tx: TenantTx): string | undefined => tenantOfTx.get(tx);
