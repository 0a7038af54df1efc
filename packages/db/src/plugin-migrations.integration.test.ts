import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { migratePlugins, type PluginMigrationSet } from './plugin-migrations.ts';
import { openPostgres } from './postgres-client.ts';

const ownerUrl = inject('ownerDatabaseUrl');
const owner = openPostgres(ownerUrl, { max: 1, onnotice: () => {} });
afterAll(() => owner.end());

/** A plugin of this test alone: the database is shared with every other test file of the run. */
function testPlugin(migrations: PluginMigrationSet['migrations']): PluginMigrationSet {
  const id = `x-runner-${randomBytes(3).toString('hex')}`;
  const name = id.replaceAll('-', '_');
  return { pluginId: id, tablePrefix: `${name}_`, role: `linju_plugin_${name}`, migrations };
}

const table = (set: PluginMigrationSet, suffix: string) => `${set.tablePrefix}${suffix}`;
const tenantTable = (name: string) =>
  `CREATE TABLE ${name} (tenant_id uuid NOT NULL REFERENCES tenant (id), id uuid NOT NULL, note text, PRIMARY KEY (tenant_id, id));`;
const exists = async (name: string) =>
  (await owner`select 1 from pg_class where relname = ${name}`).length === 1;
const recorded = async (set: PluginMigrationSet) =>
  (
    await owner<
      { name: string }[]
    >`select name from plugin_migration where plugin_id = ${set.pluginId} order by name`
  ).map((r) => r.name);

describe('the plugin migration runner', () => {
  it('applies a plugin’s migrations once each, in order, and makes every table a tenant table', async () => {
    const draft = testPlugin([]);
    const set = {
      ...draft,
      migrations: [
        { name: '0001_visits', sql: tenantTable(table(draft, 'visit')) },
        { name: '0002_visit_room', sql: `ALTER TABLE ${table(draft, 'visit')} ADD COLUMN room text;` },
      ],
    };
    expect(await migratePlugins(ownerUrl, [set])).toEqual([
      `${set.pluginId}/0001_visits`,
      `${set.pluginId}/0002_visit_room`,
    ]);
    expect(await migratePlugins(ownerUrl, [set])).toEqual([]);
    expect(await recorded(set)).toEqual(['0001_visits', '0002_visit_room']);

    const [rel] =
      await owner`select relrowsecurity, relforcerowsecurity from pg_class where relname = ${table(set, 'visit')}`;
    expect(rel).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
    const [policy] =
      await owner`select roles, qual from pg_policies where tablename = ${table(set, 'visit')}`;
    expect(policy?.roles).toEqual([set.role]);
    expect(policy?.qual).toContain("current_setting('app.tenant_id'::text, true)");
    // The application role holds the plugin's rights only after switching to its role.
    const [rights] = await owner`
      select has_table_privilege('linju_app', ${table(set, 'visit')}, 'SELECT') as app,
             has_table_privilege(${set.role}, ${table(set, 'visit')}, 'SELECT') as plugin,
             has_table_privilege(${set.role}, 'resident', 'SELECT') as core`;
    expect(rights).toEqual({ app: false, plugin: true, core: false });
  });

  it('refuses, and rolls back, a migration creating a table without the plugin’s prefix', async () => {
    const set = testPlugin([]);
    const bad = {
      ...set,
      migrations: [
        { name: '0001_sneaky', sql: `${tenantTable(table(set, 'ok'))} ${tenantTable('sneaky_note')}` },
      ],
    };
    await expect(migratePlugins(ownerUrl, [bad])).rejects.toThrow(
      `Plugin "${set.pluginId}", migration 0001_sneaky: creates "sneaky_note" without the plugin's prefix "${set.tablePrefix}"`,
    );
    expect(await exists('sneaky_note')).toBe(false);
    expect(await exists(table(set, 'ok'))).toBe(false);
    expect(await recorded(set)).toEqual([]);
  });

  it('refuses a table that is not a tenant table', async () => {
    const set = testPlugin([]);
    const bad = {
      ...set,
      migrations: [
        {
          name: '0001_loose',
          sql: `CREATE TABLE ${table(set, 'loose')} (id uuid PRIMARY KEY, tenant_id uuid);`,
        },
      ],
    };
    await expect(migratePlugins(ownerUrl, [bad])).rejects.toThrow(
      `table "${table(set, 'loose')}" needs a primary key starting with tenant_id`,
    );
    expect(await exists(table(set, 'loose'))).toBe(false);
  });

  it('refuses an applied migration whose text changed', async () => {
    const set = testPlugin([]);
    const first = { ...set, migrations: [{ name: '0001_visits', sql: tenantTable(table(set, 'visit')) }] };
    await migratePlugins(ownerUrl, [first]);
    const edited = {
      ...set,
      migrations: [{ name: '0001_visits', sql: `${tenantTable(table(set, 'visit'))} -- edited` }],
    };
    await expect(migratePlugins(ownerUrl, [edited])).rejects.toThrow(
      `Plugin "${set.pluginId}", migration 0001_visits: was changed after it ran`,
    );
  });

  it('refuses a plugin whose prefix is taken by the platform’s tables', async () => {
    const set: PluginMigrationSet = {
      pluginId: 'case',
      tablePrefix: 'case_',
      role: 'linju_plugin_case',
      migrations: [{ name: '0001_notes', sql: tenantTable('case_notes') }],
    };
    await expect(migratePlugins(ownerUrl, [set])).rejects.toThrow(
      /the prefix "case_" is taken by tables the plugin did not create \(.*case_event.*\)/,
    );
  });
});
