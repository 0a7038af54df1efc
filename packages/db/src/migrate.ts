import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate as runMigrations } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { databasePrepare } from './database-prepare.ts';
import { migratePlugins, type PluginMigrationSet } from './plugin-migrations.ts';
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
  const client = postgres(ownerUrl, { max: 1, prepare: databasePrepare(), onnotice: () => {} });
  try {
    await runMigrations(drizzle(client), { migrationsFolder });
  } finally {
    await client.end();
  }
  await migratePlugins(ownerUrl, options.plugins ?? []);
}
