import { describe, expect, it } from 'vitest';
import { definePlugin } from './define-plugin.ts';
import { sql } from './plugin-db.ts';
import { PluginManifestError } from './plugin-manifest-error.ts';
import { migrationProblems, pluginMigrationSets, pluginRoleOf, tablePrefixOf } from './plugin-tables.ts';
import { exampleManifest } from './test-fixtures.ts';

describe('plugin tables', () => {
  it('are prefixed with the plugin id, hyphens as underscores', () => {
    expect(tablePrefixOf('notary')).toBe('notary_');
    expect(tablePrefixOf('legal-aid')).toBe('legal_aid_');
    expect(tablePrefixOf('x-counselling')).toBe('x_counselling_');
    expect(pluginRoleOf('legal-aid')).toBe('linju_plugin_legal_aid');
  });

  it('may be created, changed, indexed and referenced to core tables', () => {
    expect(
      migrationProblems(
        'notary',
        `CREATE TABLE notary_booking (tenant_id uuid REFERENCES tenant (id), case_id uuid,
           FOREIGN KEY (tenant_id, case_id) REFERENCES "case" (tenant_id, id));
         CREATE UNIQUE INDEX notary_booking_case ON notary_booking (tenant_id, case_id);
         ALTER TABLE "notary_booking" ADD COLUMN note text; -- a comment naming resident is fine
         UPDATE notary_booking SET note = 'insert into resident';`,
      ),
    ).toEqual([]);
  });

  it('refuses statements on tables of the platform or of another plugin, naming them', () => {
    expect(
      migrationProblems(
        'notary',
        `ALTER TABLE "case" ADD COLUMN notary_slot uuid;
         INSERT INTO mediation_session (id) VALUES ('x');
         DELETE FROM resident;
         CREATE INDEX ON case_event (seq);
         CREATE TABLE public.notary_ok (id uuid);
         CREATE TABLE other.notary_x (id uuid);`,
      ),
    ).toEqual([
      'touches table "case", which is not one of the plugin\'s (names start with "notary_")',
      'touches table "mediation_session", which is not one of the plugin\'s (names start with "notary_")',
      'touches table "resident", which is not one of the plugin\'s (names start with "notary_")',
      'touches table "case_event", which is not one of the plugin\'s (names start with "notary_")',
      'touches "other.notary_x" outside the public schema',
    ]);
  });

  it('refuses rights and roles, which the platform sets', () => {
    expect(migrationProblems('notary', 'GRANT SELECT ON notary_booking TO public;')).toEqual([
      'may not contain "GRANT": rights and roles are set by the platform',
    ]);
  });

  it('are declared in the manifest; a bad migration stops the plugin with its field named', () => {
    const error = (() => {
      try {
        definePlugin({
          ...exampleManifest(),
          migrations: [
            { name: '0002_b', sql: 'CREATE TABLE mediation_b (tenant_id uuid);' },
            { name: '0001_a', sql: 'DROP TABLE resident;' },
            { name: 'later', sql: 'CREATE TABLE mediation_c (tenant_id uuid);' },
          ],
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PluginManifestError);
    expect((error as PluginManifestError).issues).toEqual([
      { field: 'migrations.2.name', message: 'must look like 0001_snake_case_name' },
      { field: 'migrations.1.name', message: 'must sort after "0002_b"' },
      {
        field: 'migrations.1.sql',
        message:
          'touches table "resident", which is not one of the plugin\'s (names start with "mediation_")',
      },
    ]);
  });

  it('become the runner’s migration sets, plugins without tables left out', () => {
    const withTables = {
      id: 'legal-aid',
      migrations: [{ name: '0001_subsidy', sql: 'CREATE TABLE legal_aid_subsidy ();' }],
    };
    expect(pluginMigrationSets([{ id: 'consultation' }, withTables])).toEqual([
      {
        pluginId: 'legal-aid',
        tablePrefix: 'legal_aid_',
        role: 'linju_plugin_legal_aid',
        migrations: withTables.migrations,
      },
    ]);
  });
});

describe('sql', () => {
  it('keeps values as parameters and splices nested statements in as SQL', () => {
    const columns = sql`id, starts_at`;
    const statement = sql`select ${columns} from notary_booking_slot where office_id = ${'o1'} and capacity > ${2}`;
    expect(statement.strings).toEqual([
      'select id, starts_at from notary_booking_slot where office_id = ',
      ' and capacity > ',
      '',
    ]);
    expect(statement.values).toEqual(['o1', 2]);
  });
});
