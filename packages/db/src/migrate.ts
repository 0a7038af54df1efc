import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate as runMigrations } from 'drizzle-orm/postgres-js/migrator';
import { databasePrepare } from './database-prepare.ts';
import { SetupError } from './embedded.ts';
import { migratePlugins, type PluginMigrationSet } from './plugin-migrations.ts';
import { openPostgres } from './postgres-client.ts';
import { ensureAppRole } from './roles.ts';

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/**
 * Brings the database to the latest schema as its owner, and the app role up to date: the core
 * migrations, then the plugins' own (`plugins`, in the composition root's order).
 */
export async function migrate(
  ownerUrl: string,
  appPassword: string,
  options: { plugins?: readonly PluginMigrationSet[] } = {},
): Promise<void> {
  await ensureAppRole(ownerUrl, appPassword);
  const client = openPostgres(ownerUrl, { max: 1, prepare: databasePrepare(), onnotice: () => {} });
  try {
    await runMigrations(drizzle(client), { migrationsFolder });
  } finally {
    await client.end();
  }
  await migratePlugins(ownerUrl, options.plugins ?? []);
}

/** The core migrations' hashes in order, as drizzle records them once applied. */
export const releaseCoreMigrations = (): string[] =>
  readMigrationFiles({ migrationsFolder }).map((m) => m.hash);

/**
 * Migrates an empty database to an earlier schema of this release's history — exactly the
 * migrations `version` names (a backup's), no further — so an older backup is restored into the
 * schema it was read from and upgraded afterwards by {@link migrate}, as that deployment would
 * have been. A version this release does not know (a newer release's) is refused.
 */
export async function migrateToVersion(
  ownerUrl: string,
  appPassword: string,
  version: { core: string[]; plugins: string[] },
  options: { plugins?: readonly PluginMigrationSet[] } = {},
): Promise<void> {
  const known = releaseCoreMigrations();
  if (version.core.some((hash, i) => known[i] !== hash))
    throw new SetupError(
      `The backup was made by a newer release (schema of ${version.core.length} migrations; this release has ${known.length}): nothing was restored.`,
      'Restore it with the release that made it (or a newer one).',
    );
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const entries = journal.entries.slice(0, version.core.length);
  const folder = await mkdtemp(join(tmpdir(), 'linju-migrations-'));
  try {
    await mkdir(join(folder, 'meta'));
    await writeFile(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
    for (const { tag } of entries)
      await copyFile(join(migrationsFolder, `${tag}.sql`), join(folder, `${tag}.sql`));
    await ensureAppRole(ownerUrl, appPassword);
    const client = openPostgres(ownerUrl, { max: 1, onnotice: () => {} });
    try {
      await runMigrations(drizzle(client), { migrationsFolder: folder });
    } finally {
      await client.end();
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const applied = new Set(version.plugins);
  await migratePlugins(
    ownerUrl,
    (options.plugins ?? []).map((set) => ({
      ...set,
      migrations: set.migrations.filter((m) => applied.has(`${set.pluginId}/${m.name}`)),
    })),
  );
}
