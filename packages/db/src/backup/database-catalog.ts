import type postgres from 'postgres';
import { PLUGIN_MIGRATION_TABLE } from '../plugin-migrations.ts';

/** A table of the public schema and the columns a COPY carries (generated ones are recomputed). */
export type CatalogTable = { name: string; columns: string[] };

/** A sequence's position, so a restored deployment hands out no number twice. */
export type SequencePosition = { name: string; lastValue: string | null };

/** The migrations a database has applied: the core's (drizzle's journal) and each plugin's. */
export type SchemaVersion = { core: string[]; plugins: string[] };

type Sql = postgres.Sql | postgres.TransactionSql;

/**
 * Every table of the public schema — core and plugins' alike, read from the catalogue so a table
 * added later is never missed — except the plugins' migration bookkeeping, which the target's own
 * `migrate` writes.
 */
export async function catalogTables(sql: Sql): Promise<CatalogTable[]> {
  const rows = await sql<{ name: string; columns: string[] }[]>`
    select c.relname as name,
           array_agg(a.attname::text order by a.attnum) as columns
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where n.nspname = 'public' and c.relkind = 'r' and c.relname <> ${PLUGIN_MIGRATION_TABLE}
    group by c.relname
    order by c.relname`;
  return rows.map((r) => ({ name: r.name, columns: r.columns }));
}

/** Columns that name a document in the file store (`storage_key`, `evidence_storage_key`, …). */
export async function storageKeyColumns(sql: Sql): Promise<{ table: string; column: string }[]> {
  return sql<{ table: string; column: string }[]>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = 'public' and (column_name = 'storage_key' or column_name like '%\_storage\_key')
    order by table_name, column_name`;
}

/** Every tenant-owned table: those with a `tenant_id` column. */
export async function tenantTables(sql: Sql): Promise<string[]> {
  const rows = await sql<{ table: string }[]>`
    select c.table_name as table from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'tenant_id' and t.table_type = 'BASE TABLE'
    order by c.table_name`;
  return rows.map((r) => r.table);
}

/**
 * A sequence that numbers a column — an identity column's or a serial's — with that column: its
 * position after a restore follows from the rows, whatever the backup recorded.
 */
export type ColumnSequence = { name: string; table: string; column: string };

/** Every sequence of the public schema owned by a table's column (identity or serial). */
export async function columnSequences(sql: Sql): Promise<ColumnSequence[]> {
  return sql<ColumnSequence[]>`
    select s.relname as name, t.relname as table, a.attname as column
    from pg_class s
    join pg_namespace n on n.oid = s.relnamespace
    join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.oid
      and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
    join pg_class t on t.oid = d.refobjid
    join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
    where s.relkind = 'S' and n.nspname = 'public'
    order by s.relname`;
}

export async function sequencePositions(sql: Sql): Promise<SequencePosition[]> {
  const rows = await sql<{ name: string; lastValue: string | null }[]>`
    select sequencename as name, last_value::text as "lastValue" from pg_sequences
    where schemaname = 'public' order by sequencename`;
  return rows.map((r) => ({ name: r.name, lastValue: r.lastValue }));
}

export async function schemaVersion(sql: Sql): Promise<SchemaVersion> {
  const [journal] = await sql<
    { exists: boolean }[]
  >`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
  const core = journal?.exists
    ? (await sql<{ hash: string }[]>`select hash from drizzle.__drizzle_migrations order by id`).map(
        (r) => r.hash,
      )
    : [];
  const [plugins] = await sql<
    { exists: boolean }[]
  >`select to_regclass(${PLUGIN_MIGRATION_TABLE}) is not null as exists`;
  const applied = plugins?.exists
    ? (
        await sql<{ name: string }[]>`
          select plugin_id || '/' || name as name from ${sql(PLUGIN_MIGRATION_TABLE)} order by plugin_id, name`
      ).map((r) => r.name)
    : [];
  return { core, plugins: applied };
}
