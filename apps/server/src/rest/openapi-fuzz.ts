import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pluginMigrations } from '@linju/api';
import { pinPeer } from '@linju/core';
import { connect, freePort, migrate, sql } from '@linju/db';
import { loadOrCreateNodeKey, signRequest } from '@linju/federation';
import { type FuzzAnswer, runSchemathesis, startRequestSigner } from '@linju/infra-schemathesis';

/**
 * Where the fuzzed server runs: a real PostgreSQL cluster (owner and app role; the run makes a
 * database of its own in it) and a real Temporal.
 */
export type FuzzTarget = { databaseUrl: string; ownerDatabaseUrl: string; temporalAddress: string };

export type FuzzOptions = { checks: readonly string[]; maxExamples: number; seed: number; maxTime?: number };

export type FuzzReport = {
  exitCode: number;
  /** Schemathesis's own report (failures with a curl line to reproduce each). */
  output: string;
  /** Every answer, `signed` when the pinned peer's key signed the request. */
  answers: (FuzzAnswer & { signed: boolean })[];
  /** Row counts per table, before and after, of the tables the run changed. */
  changedTables: { table: string; before: number; after: number }[];
};

/** The node the fuzzed server is; the peer the signed requests come from (pinned first). */
export const FUZZ_NODE_ID = 'fuzz-node';
export const FUZZ_PEER_ID = 'fuzz-peer';

/**
 * A fresh, migrated database in the target's cluster: other test files write the shared one while
 * this run counts rows, so only a database nobody else uses can show that nothing changed.
 */
async function createOwnDatabase(target: FuzzTarget) {
  const name = `linju_fuzz_${randomBytes(6).toString('hex')}`;
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

async function rowCounts(ownerUrl: string): Promise<Map<string, number>> {
  const owner = connect(ownerUrl);
  try {
    const tables = await owner.db.execute<{ name: string }>(
      sql`select format('%I.%I', schemaname, tablename) as name from pg_tables
          where schemaname not in ('pg_catalog', 'information_schema') order by 1`,
    );
    const counts = new Map<string, number>();
    for (const { name } of tables) {
      const [row] = await owner.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${name}`));
      counts.set(name, row?.n ?? 0);
    }
    return counts;
  } finally {
    await owner.close();
  }
}

/** `apps/server/src/main.ts` as `npm start` runs it, on a free loopback port; resolves once it answers. */
export async function startServerProcess(target: FuzzTarget, dataDir: string) {
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
      LINJU_NODE_ID: FUZZ_NODE_ID,
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

/**
 * Fuzzes the OpenAPI document of a real server (REST and the referral exchange) with
 * schemathesis: a pinned peer's key signs most exchange requests, so fuzzed messages reach the
 * validation behind the signature check, and the rest arrive unsigned. Counts every table's rows
 * before and after, so a caller can prove a refused request changed nothing.
 */
export async function fuzzOpenApi(shared: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  // Undone in reverse, however far the set-up got.
  const cleanup: (() => unknown)[] = [];
  try {
    const target = await createOwnDatabase(shared);
    cleanup.push(target.drop);
    const dataDir = mkdtempSync(join(tmpdir(), 'linju-fuzz-server-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const peer = await loadOrCreateNodeKey(join(dataDir, 'peer'));
    const app = connect(target.databaseUrl);
    await pinPeer(app.db, {
      nodeId: FUZZ_PEER_ID,
      name: 'Fuzzing peer',
      baseUrl: 'https://fuzz-peer.invalid',
      publicKeys: [peer.publicJwk],
      organisations: [],
    });
    await app.close();
    const signer = await startRequestSigner(({ method, url, headers, body }) => {
      try {
        return {
          ...signRequest({
            method,
            url,
            headers,
            ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
            key: peer.privateKey,
            kid: peer.kid,
          }),
        };
      } catch {
        return undefined; // no idempotency key (a fuzzed omission): sent unsigned
      }
    });
    cleanup.push(signer.stop);
    const server = await startServerProcess(target, join(dataDir, 'server'));
    cleanup.push(server.stop);

    const before = await rowCounts(target.ownerDatabaseUrl);
    const result = await runSchemathesis({
      ...options,
      schemaUrl: `${server.url}/api/v1/openapi.json`,
      signer,
      signPrefix: '/federation/',
    });
    const after = await rowCounts(target.ownerDatabaseUrl);
    const changedTables = [...after]
      .filter(([table, n]) => before.get(table) !== n)
      .map(([table, n]) => ({ table, before: before.get(table) ?? 0, after: n }));
    return {
      ...result,
      answers: result.answers.map((a) => ({
        ...a,
        signed: a.signature !== null && signer.issued.has(a.signature),
      })),
      changedTables,
    };
  } finally {
    for (const step of cleanup.reverse()) await step();
  }
}
