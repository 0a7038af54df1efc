import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type postgres from 'postgres';
import { SetupError } from '../embedded.ts';
import { openPostgres } from '../postgres-client.ts';
import {
  type CatalogTable,
  catalogTables,
  columnSequences,
  type SchemaVersion,
  type SequencePosition,
  schemaVersion,
} from './database-catalog.ts';

/** What a restore writes, all inside one transaction. */
export type RestoreTarget = {
  /** The migrations the target has applied: a backup fills only the schema it was read from. */
  schema: SchemaVersion;
  tables: CatalogTable[];
  /** Starts `COPY … FROM STDIN` into one table; `write` each chunk, then `end`. */
  copyIn(
    table: string,
    columns: string[],
  ): Promise<{ write(chunk: Buffer): Promise<void>; end(): Promise<void> }>;
  /**
   * Once the rows are in: each column's sequence (identity or serial) continues past the largest
   * value its table holds and past where the backup recorded it; any other sequence where recorded.
   */
  restoreSequences(recorded: SequencePosition[]): Promise<void>;
};

/** The first table of the target holding a row, or null when the database is empty. */
export async function firstNonEmptyTable(
  sql: postgres.Sql | postgres.TransactionSql,
): Promise<string | null> {
  for (const table of await catalogTables(sql)) {
    const [row] = await sql`select 1 from ${sql(table.name)} limit 1`;
    if (row) return table.name;
  }
  return null;
}

/**
 * Fills an empty, migrated database in one transaction of the owner: a restore that fails midway
 * (a damaged archive, a wrong key) rolls back and leaves the target as empty as it was.
 * `session_replication_role = replica` skips triggers and foreign-key checks while tables arrive
 * in any order (the rows were consistent when read); it needs a superuser owner.
 */
export async function restoreIntoEmptyDatabase<T>(
  ownerUrl: string,
  fn: (target: RestoreTarget) => Promise<T>,
): Promise<T> {
  const sql = openPostgres(ownerUrl, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: 'linju restore' },
  });
  try {
    return (await sql.begin(async (tx) => {
      // Nobody writes to the target while it fills, so the emptiness checked is the emptiness kept.
      const tables = await catalogTables(tx);
      for (const table of tables) await tx`lock table ${tx(table.name)} in access exclusive mode`;
      const occupied = await firstNonEmptyTable(tx);
      if (occupied)
        throw new SetupError(
          `The target database is not empty (table ${occupied} holds rows): a backup is restored only into an empty deployment.`,
          'Create a new database, point DATABASE_URL at it and run linju restore again.',
        );
      await tx`set local session_replication_role = replica`;
      return fn({
        schema: await schemaVersion(tx),
        tables,
        async copyIn(table, columns) {
          const writable = await tx`copy ${tx(table)} (${tx(columns)}) from stdin`.writable();
          return {
            async write(chunk) {
              if (!writable.write(chunk)) await once(writable, 'drain');
            },
            async end() {
              writable.end();
              await finished(writable);
            },
          };
        },
        async restoreSequences(recorded) {
          const positions = new Map(recorded.map((p) => [p.name, p.lastValue]));
          // pg_sequences has no position for a sequence never read from (a migration's setval(…, false)
          // leaves it so after numbering rows itself): the rows, not the record, say where it stands.
          for (const { name, table, column } of await columnSequences(tx)) {
            await tx`
              select setval(format('public.%I', ${name}::text)::regclass, next.value, true)
              from (select greatest(max(${tx(column)}), ${positions.get(name) ?? null}::bigint) as value
                    from ${tx(table)}) next
              where next.value is not null`;
            positions.delete(name);
          }
          for (const [name, lastValue] of positions) {
            if (lastValue !== null)
              await tx`select setval(format('public.%I', ${name}::text)::regclass, ${lastValue}::bigint, true)`;
          }
        },
      });
    })) as T;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
