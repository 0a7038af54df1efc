import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unmarkedContractions } from './expand-contract.ts';
import { migrationsFolder } from './migrate.ts';

/**
 * The migrations every running deployment has already applied (this release and earlier): written
 * before the rule, never edited again. Move the line forward when a release is cut.
 */
const RELEASED_CORE_WHEN = 1796551432605; // 0053_hotline_import_job_grants
const RELEASED_PLUGIN_MIGRATIONS = new Set([
  'appraisal/0001_appraisal_advice.sql',
  'consultation/0001_consultation_log.sql',
  'legal-aid/0001_legal_aid.sql',
  'legal-education/0001_events.sql',
  'mediation/0001_mediation.sql',
  'mediation/0002_judicial_status.sql',
  'notary/0001_booking.sql',
  'notary/0002_documents_received.sql',
]);

const pluginsFolder = join(migrationsFolder, '..', '..', '..', 'plugins');

function unreleasedMigrations(): { name: string; sql: string }[] {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  const core = journal.entries
    .filter((e) => e.when > RELEASED_CORE_WHEN)
    .map((e) => ({
      name: `${e.tag}.sql`,
      sql: readFileSync(join(migrationsFolder, `${e.tag}.sql`), 'utf8'),
    }));
  const plugins = readdirSync(pluginsFolder).flatMap((plugin) => {
    const folder = join(pluginsFolder, plugin, 'migrations');
    const files = (() => {
      try {
        return readdirSync(folder).filter((f) => f.endsWith('.sql'));
      } catch {
        return [];
      }
    })();
    return files
      .filter((f) => !RELEASED_PLUGIN_MIGRATIONS.has(`${plugin}/${f}`))
      .map((f) => ({ name: `${plugin}/${f}`, sql: readFileSync(join(folder, f), 'utf8') }));
  });
  return [...core, ...plugins];
}

describe('migrations keep the previous release running (expand/contract)', () => {
  it('every unreleased migration only expands, or marks its contraction with its reason', () => {
    const violations = unreleasedMigrations().flatMap(({ name, sql }) =>
      unmarkedContractions(sql).map((v) => `${name}: ${v.what}: ${v.statement}`),
    );
    expect(violations).toEqual([]);
  });

  it('flags each kind of contraction and lets additions through', () => {
    const flagged = (sql: string) => unmarkedContractions(sql).map((v) => v.what);
    expect(flagged('ALTER TABLE "case" DROP COLUMN "old_notes";')).toHaveLength(1);
    expect(flagged('DROP TABLE "legacy";')).toHaveLength(1);
    expect(flagged('ALTER TABLE "case" RENAME COLUMN "a" TO "b";')).toHaveLength(1);
    expect(flagged('ALTER TABLE "case" ALTER COLUMN "n" SET DATA TYPE bigint;')).toHaveLength(1);
    expect(flagged('ALTER TABLE "case" ALTER COLUMN "n" SET NOT NULL;')).toHaveLength(1);
    expect(flagged('ALTER TABLE "case" ADD COLUMN "n" text NOT NULL;')).toHaveLength(1);
    expect(
      flagged(
        'ALTER TABLE "case" ADD COLUMN "n" text;--> statement-breakpoint\nCREATE TABLE "x" ("id" uuid PRIMARY KEY NOT NULL);',
      ),
    ).toEqual([]);
    expect(flagged('ALTER TABLE "case" ADD COLUMN "n" text DEFAULT \'a\' NOT NULL;')).toEqual([]);
    expect(
      flagged('-- dropping nothing: a comment that says drop table is not a statement\nSELECT 1;'),
    ).toEqual([]);
  });

  it('accepts a contraction marked with its reason, one release after the code stopped using it', () => {
    expect(
      unmarkedContractions(
        '-- contract: 0.3 reads and writes "phone_index" only; 0.2 is no longer deployed\nALTER TABLE "resident" DROP COLUMN "phone_hash";',
      ),
    ).toEqual([]);
    expect(unmarkedContractions('-- contract:\nALTER TABLE "resident" DROP COLUMN "x";')).toHaveLength(1);
  });
});
