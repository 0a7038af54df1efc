import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretBox } from '@linju/auth';
import { loadKitIdentity } from '@linju/conformance';
import { allowPeer, pinPeer } from '@linju/core';
import { createTestDistrict, type TestDistrict } from '@linju/core/testing';
import { connect, freePort } from '@linju/db';
import { ensureTemporalCli, startTemporalDevServer, type TemporalDevServer } from '@linju/infra-temporal';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * `linju conformance` against Linju itself, as a vendor would run it: this node's server and
 * worker processes (with their own Temporal dev server, on the test cluster's database), the kit's
 * node document pinned and allowed one district, and the kit run as the CLI command.
 */
const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
const cliMain = join(repoRoot, 'apps', 'cli', 'src', 'main.ts');
const nodeId = `conformance-node-${process.pid}`;
const dataDir = mkdtempSync(join(tmpdir(), 'linju-conformance-node-'));
const kitKeyDir = mkdtempSync(join(tmpdir(), 'linju-conformance-kit-'));
const db = connect(inject('databaseUrl'), { max: 2 });
const children = new Set<ChildProcess>();
let temporal: TemporalDevServer;
let url: string;
let district: TestDistrict;

function start(app: 'server' | 'worker', env: NodeJS.ProcessEnv, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(repoRoot, 'apps', app, 'src', 'main.ts')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8000);
      if (output.includes(ready)) resolve(child);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${app} exited (${code}): ${output}`)));
  });
}

/** The CLI as an operator runs it; answers its exit code and what it printed. */
async function linju(args: string[]) {
  const child = spawn(process.execPath, [cliMain, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = await once(child, 'exit');
  return { code: code as number, stdout, stderr };
}

beforeAll(async () => {
  const [port, temporalPort] = [await freePort(), await freePort()];
  url = `http://127.0.0.1:${port}`;
  temporal = await startTemporalDevServer({
    cli: ensureTemporalCli(),
    port: temporalPort,
    dbFile: join(dataDir, 'temporal.db'),
  });
  const dataKey = inject('dataKey');
  district = await createTestDistrict(db.db, createSecretBox(Buffer.from(dataKey, 'base64')), 'conf');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_APP_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: temporal.address,
    LINJU_DATA_DIR: dataDir,
    LINJU_DATA_KEY: dataKey,
    LINJU_NODE_ID: nodeId,
    LINJU_PUBLIC_URL: url,
    LINJU_ADMIN_BUILD: join(dataDir, 'no-admin-build'),
    LOG_LEVEL: 'info',
  };
  await Promise.all([start('server', env, '"msg":"listening"'), start('worker', env, '"event":"started"')]);
  // The node's operator pins the kit's document (what `linju conformance well-known` prints) and
  // lets it address the district.
  const kit = await loadKitIdentity({ keyDir: kitKeyDir, publicUrl: 'http://localhost:4999' });
  await pinPeer(db.db, kit.wellKnown);
  await allowPeer(db.db, kit.nodeId, district.slug);
}, 180_000);

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
  await temporal?.stop().catch(() => {});
  await db.close();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(kitKeyDir, { recursive: true, force: true });
}, 60_000);

describe('linju conformance against a running Linju', () => {
  it('passes every check and says so, with exit code 0', async () => {
    const run = await linju(['conformance', url, '--key', kitKeyDir, '--org', district.slug, '--json']);
    const report = JSON.parse(run.stdout) as { passed: boolean; checks: { id: string; pass: boolean }[] };
    expect(report.checks.filter((c) => !c.pass)).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.checks.length).toBeGreaterThan(25);
    expect(run.code).toBe(0);
  });
});
