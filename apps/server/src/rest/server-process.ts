import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { connect, freePort, migrate, sql } from '@linju/db';
import { pluginMigrations } from '@linju/plugins';

/**
 * Where a test's server process runs: a real PostgreSQL cluster (owner and app role; the run makes a
 * database of its own in it) and a real Temporal.
 */
export type ServerTarget = { databaseUrl: string; ownerDatabaseUrl: string; temporalAddress: string };

/**
 * A fresh, migrated database in the target's cluster, for a test that must know every row in it
 * (other test files write the shared one at the same time).
 */
export async function createOwnDatabase(target: ServerTarget) {
  const name = `linju_own_${randomBytes(6).toString('hex')}`;
  const inDatabase = (url: string) => Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  const cluster = connect(target.ownerDatabaseUrl);
  await cluster.db.execute(sql.raw(`create database ${name}`));
  const own = {
    ...target,
    ownerDatabaseUrl: inDatabase(target.ownerDatabaseUrl),
    databaseUrl: inDatabase(target.databaseUrl),
  };
  await migrate(own.ownerDatabaseUrl, decodeURIComponent(new URL(target.databaseUrl).password), {
    plugins: pluginMigrations,
  });
  return {
    ...own,
    drop: async () => {
      await cluster.db.execute(sql.raw(`drop database ${name} with (force)`));
      await cluster.close();
    },
  };
}

/** `apps/server/src/main.ts` as `npm start` runs it, on a free loopback port; resolves once it answers. */
export async function startServerProcess(target: ServerTarget, dataDir: string, nodeId: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [join(import.meta.dirname, '..', 'main.ts')], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_APP_URL: target.databaseUrl,
      TEMPORAL_ADDRESS: target.temporalAddress,
      LINJU_DATA_DIR: dataDir,
      LINJU_PUBLIC_URL: url,
      LINJU_NODE_ID: nodeId,
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk) => (errors = (errors + chunk).slice(-4000)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start:\n${errors}`);
    }
    const up = await fetch(`${url}/api/v1/openapi.json`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
