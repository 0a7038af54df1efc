import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pinPeer } from '@linju/core';
import { connect, sql } from '@linju/db';
import { loadOrCreateNodeKey, signRequest } from '@linju/federation';
import { type FuzzAnswer, runSchemathesis, startRequestSigner } from '@linju/infra-schemathesis';

import { createOwnDatabase, type ServerTarget, startServerProcess } from './server-process.ts';

/** Where the fuzzed server runs (the run makes a database of its own in the cluster). */
export type FuzzTarget = ServerTarget;

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
    const server = await startServerProcess(target, join(dataDir, 'server'), FUZZ_NODE_ID);
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
