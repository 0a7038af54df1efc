import type postgres from 'postgres';
import { openPostgres } from '../postgres-client.ts';
import { storageKeyColumns, tenantTables } from './database-catalog.ts';

type Row = Record<string, unknown>;

/** What a district owns, read in one consistent snapshot as the owner. */
export type TenantRows = {
  /** The `tenant` row itself, then every table with a `tenant_id` column (core and plugins). */
  tables: string[];
  /** The district's rows of one table, in batches (a cursor: never the whole table at once). */
  rows(table: string): AsyncIterable<Row[]>;
  /** Every document key the district's rows name. */
  storageKeys(): Promise<string[]>;
};

export const ownerClient = (ownerUrl: string, name: string) =>
  openPostgres(ownerUrl, { max: 1, onnotice: () => {}, connection: { application_name: name } });

export const ownedBy = (sql: postgres.TransactionSql, table: string, tenantId: string) =>
  table === 'tenant' ? sql`id = ${tenantId}` : sql`tenant_id = ${tenantId}`;

/** Reads every row a district owns, listed from the catalogue so no table (a plugin's) is missed. */
export async function readTenantRows<T>(
  ownerUrl: string,
  tenantId: string,
  fn: (rows: TenantRows) => Promise<T>,
): Promise<T> {
  const sql = ownerClient(ownerUrl, 'linju tenant export');
  try {
    return (await sql.begin('isolation level repeatable read read only', async (tx) => {
      const tables = ['tenant', ...(await tenantTables(tx))];
      return fn({
        tables,
        async *rows(table) {
          // As JSON from PostgreSQL itself: timestamps, numerics and arrays keep their exact text.
          const query = tx<{ row: Row }[]>`
            select to_jsonb(t) as row from ${tx(table)} t where ${ownedBy(tx, table, tenantId)}`;
          for await (const batch of query.cursor(500)) yield batch.map((r) => r.row);
        },
        async storageKeys() {
          const keys = new Set<string>();
          for (const { table, column } of await storageKeyColumns(tx)) {
            const found = await tx<{ key: string }[]>`
              select distinct ${tx(column)} as key from ${tx(table)}
              where ${ownedBy(tx, table, tenantId)} and ${tx(column)} is not null`;
            for (const { key } of found) keys.add(key);
          }
          return [...keys].sort();
        },
      });
    })) as T;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
