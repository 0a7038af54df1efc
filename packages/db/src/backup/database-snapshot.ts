import type { Readable } from 'node:stream';
import { openPostgres } from '../postgres-client.ts';
import {
  type CatalogTable,
  catalogTables,
  type SchemaVersion,
  type SequencePosition,
  schemaVersion,
  sequencePositions,
  storageKeyColumns,
} from './database-catalog.ts';

/** One consistent view of the whole database, read as its owner. */
export type DatabaseSnapshot = {
  schema: SchemaVersion;
  tables: CatalogTable[];
  sequences: SequencePosition[];
  /** `COPY … TO STDOUT` (text format) of one table: streamed, never held whole. */
  copyOut(table: CatalogTable): Promise<Readable>;
  /** Every document key the rows name, in any `*storage_key` column. */
  storageKeys(): Promise<string[]>;
};

/**
 * Runs `fn` inside one READ ONLY REPEATABLE READ transaction of the owner: every table, sequence
 * and document reference it reads belongs to the same instant, while the stack keeps writing.
 * The owner (a superuser in every deployment Linju sets up) sees every tenant's rows past RLS.
 */
export async function withDatabaseSnapshot<T>(
  ownerUrl: string,
  fn: (snapshot: DatabaseSnapshot) => Promise<T>,
): Promise<T> {
  // No statement deadline: copying a large table is one long statement.
  const sql = openPostgres(ownerUrl, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: 'linju backup' },
  });
  try {
    return (await sql.begin('isolation level repeatable read read only', async (tx) => {
      const tables = await catalogTables(tx);
      const snapshot: DatabaseSnapshot = {
        schema: await schemaVersion(tx),
        tables,
        sequences: await sequencePositions(tx),
        copyOut: (table) =>
          tx`copy ${tx(table.name)} (${tx(table.columns)}) to stdout`.readable() as Promise<Readable>,
        async storageKeys() {
          const keys = new Set<string>();
          for (const { table, column } of await storageKeyColumns(tx)) {
            const rows = await tx<{ key: string }[]>`
              select distinct ${tx(column)} as key from ${tx(table)} where ${tx(column)} is not null`;
            for (const row of rows) keys.add(row.key);
          }
          return [...keys].sort();
        },
      };
      return fn(snapshot);
    })) as T;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
