import { createHash } from 'node:crypto';
import type postgres from 'postgres';
import { APP_ROLE } from './app-role.ts';
import { databasePrepare } from './database-prepare.ts';
import { openPostgres } from './postgres-client.ts';

/** The migrations of one plugin, as the composition root lists them (see `@linju/plugin-sdk`). */
export interface PluginMigrationSet {
  readonly pluginId: string;
  /** Every table the plugin creates starts with it (`notary_`). */
  readonly tablePrefix: string;
  /** The database role the plugin's queries run as (`linju_plugin_notary`). */
  readonly role: string;
  readonly migrations: readonly { readonly name: string; readonly sql: string }[];
}

/** A plugin migration the runner refuses; the message names the plugin, the migration and why. */
export class PluginMigrationError extends Error {
  override readonly name = 'PluginMigrationError';
}

/** The platform table recording which plugin migrations ran (one row each, with what they created). */
export const PLUGIN_MIGRATION_TABLE = 'plugin_migration';

const IDENTIFIER = /^[a-z][a-z0-9_]*$/;
const checksum = (sql: string) => createHash('sha256').update(sql).digest('hex');
const tenantPolicy = (table: string) => `${table}_tenant_isolation`;

/**
 * Applies the plugins' migrations after the core's, as the owner: each once (recorded in
 * `plugin_migration` with its checksum), in the listed order, each in its own transaction. A
 * migration is refused — and rolled back — when it creates a table without the plugin's prefix,
 * when the prefix clashes with tables the plugin did not create, when a table lacks a primary key
 * starting with `tenant_id`, or when an applied migration's text changed. After each migration,
 * every table of the plugin gets row-level security (enabled, forced, the tenant policy) and the
 * plugin's role gets rights on it; the application role reaches those tables only by switching
 * to the plugin's role, which can touch nothing else.
 */
export async function migratePlugins(
  ownerUrl: string,
  sets: readonly PluginMigrationSet[],
): Promise<string[]> {
  const sql = openPostgres(ownerUrl, { max: 1, prepare: databasePrepare(), onnotice: () => {} });
  const applied: string[] = [];
  try {
    await sql.unsafe(`CREATE TABLE IF NOT EXISTS ${PLUGIN_MIGRATION_TABLE} (
      plugin_id text NOT NULL,
      name text NOT NULL,
      checksum text NOT NULL,
      tables text[] NOT NULL DEFAULT '{}',
      applied_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (plugin_id, name)
    )`);
    for (const set of sets) {
      for (const part of [set.tablePrefix.replace(/_$/, ''), set.role]) {
        if (!IDENTIFIER.test(part))
          throw new PluginMigrationError(`Plugin "${set.pluginId}": "${part}" is not a plain SQL name`);
      }
      if (set.migrations.length === 0) continue;
      await ensurePluginRole(sql, set.role);
      for (const migration of set.migrations) {
        const label = `Plugin "${set.pluginId}", migration ${migration.name}`;
        const ran = await sql.begin(async (tx) => {
          // Two servers starting at once must not run one migration twice.
          await tx`select pg_advisory_xact_lock(hashtext('linju:plugin-migrations'))`;
          const [done] = await tx<{ checksum: string }[]>`
            select checksum from ${tx(PLUGIN_MIGRATION_TABLE)}
            where plugin_id = ${set.pluginId} and name = ${migration.name}`;
          if (done) {
            if (done.checksum !== checksum(migration.sql)) {
              throw new PluginMigrationError(
                `${label}: was changed after it ran; add a new migration instead of editing an applied one`,
              );
            }
            return false;
          }
          const owned = await ownedTables(tx, set.pluginId);
          const before = await publicTables(tx);
          const clashing = before.filter((t) => t.startsWith(set.tablePrefix) && !owned.has(t));
          if (clashing.length > 0) {
            throw new PluginMigrationError(
              `${label}: the prefix "${set.tablePrefix}" is taken by tables the plugin did not create (${clashing.join(', ')}); choose another plugin id`,
            );
          }
          await tx.unsafe(migration.sql);
          const created = (await publicTables(tx)).filter((t) => !before.includes(t));
          const foreign = created.filter((t) => !t.startsWith(set.tablePrefix));
          if (foreign.length > 0) {
            throw new PluginMigrationError(
              `${label}: creates ${foreign.map((t) => `"${t}"`).join(', ')} without the plugin's prefix "${set.tablePrefix}"`,
            );
          }
          const tables = [...owned, ...created];
          for (const table of tables) await secureTenantTable(tx, label, table, set.role);
          await tx`
            insert into ${tx(PLUGIN_MIGRATION_TABLE)} (plugin_id, name, checksum, tables)
            values (${set.pluginId}, ${migration.name}, ${checksum(migration.sql)}, ${created})`;
          return true;
        });
        if (ran) applied.push(`${set.pluginId}/${migration.name}`);
      }
    }
  } finally {
    await sql.end();
  }
  return applied;
}

type Sql = postgres.Sql | postgres.TransactionSql;

async function publicTables(tx: Sql): Promise<string[]> {
  const rows = await tx<{ name: string }[]>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')`;
  return rows.map((r) => r.name);
}

async function ownedTables(tx: Sql, pluginId: string): Promise<Set<string>> {
  const rows = await tx<{ table: string }[]>`
    select unnest(tables) as table from ${tx(PLUGIN_MIGRATION_TABLE)} where plugin_id = ${pluginId}`;
  const existing = new Set(await publicTables(tx));
  return new Set(rows.map((r) => r.table).filter((t) => existing.has(t)));
}

/**
 * A plugin's role: no login, and granted to the application role without inheritance, so the app
 * role holds the plugin's rights only while it has switched to it (`SET LOCAL ROLE`).
 */
async function ensurePluginRole(sql: postgres.Sql, role: string): Promise<void> {
  const [existing] = await sql`select 1 from pg_roles where rolname = ${role}`;
  if (!existing)
    await sql.unsafe(`CREATE ROLE ${role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE`);
  await sql.unsafe(`GRANT ${role} TO ${APP_ROLE} WITH INHERIT FALSE, SET TRUE`);
}

async function secureTenantTable(tx: Sql, label: string, table: string, role: string): Promise<void> {
  if (!IDENTIFIER.test(table)) {
    throw new PluginMigrationError(`${label}: "${table}" is not a plain lower-case SQL name`);
  }
  const [view] = await tx<{ kind: string }[]>`select relkind as kind from pg_class where relname = ${table}`;
  if (view?.kind !== 'r' && view?.kind !== 'p') {
    throw new PluginMigrationError(`${label}: "${table}" is not a table; a plugin may only create tables`);
  }
  const [pk] = await tx<{ first: string | null }[]>`
    select a.attname as first from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
    where i.indrelid = ${table}::regclass and i.indisprimary`;
  if (pk?.first !== 'tenant_id') {
    throw new PluginMigrationError(
      `${label}: table "${table}" needs a primary key starting with tenant_id (every plugin table is a tenant table)`,
    );
  }
  await tx.unsafe(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await tx.unsafe(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await tx.unsafe(`DROP POLICY IF EXISTS ${tenantPolicy(table)} ON ${table}`);
  const tenant = `tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid`;
  await tx.unsafe(
    `CREATE POLICY ${tenantPolicy(table)} ON ${table} AS PERMISSIVE FOR ALL TO ${role} USING (${tenant}) WITH CHECK (${tenant})`,
  );
  await tx.unsafe(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${role}`);
}
