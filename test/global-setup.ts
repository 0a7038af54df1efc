import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { appUrlFrom, credentials, freePort, migrate, startEmbeddedPostgres } from '@linju/db';
import { ensureTemporalCli, startTemporalDevServer } from '@linju/infra-temporal';
import { pluginMigrations } from '@linju/plugins';
import type { TestProject } from 'vitest/node';

/**
 * One real PostgreSQL and one real Temporal dev server for the whole run, on free loopback ports.
 * The database is created afresh each run (in `.data/test/run-<pid>`), so no test depends on an earlier one.
 */
export default async function setup(project: TestProject) {
  // One folder per run: two runs at once (a developer's and a helper's) must not share a cluster.
  const dataDir = join(import.meta.dirname, '..', '.data', 'test', `run-${process.pid}`);
  rmSync(dataDir, { recursive: true, force: true });
  const [pg, temporal] = await Promise.all([
    startEmbeddedPostgres(dataDir),
    freePort().then((port) => startTemporalDevServer({ cli: ensureTemporalCli(console.log), port })),
  ]);
  const { appPassword } = credentials(dataDir);
  await migrate(pg.ownerUrl, appPassword, { plugins: pluginMigrations });
  project.provide('ownerDatabaseUrl', pg.ownerUrl);
  project.provide('databaseUrl', appUrlFrom(pg.ownerUrl, appPassword));
  project.provide('temporalAddress', temporal.address);
  project.provide('dataKey', randomBytes(32).toString('base64'));
  return async () => {
    await Promise.all([temporal.stop(), pg.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
