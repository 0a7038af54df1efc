import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pluginMigrations } from '@linju/api';
import {
  connect,
  credentials,
  type EmbeddedPostgresHandle,
  freePort,
  migrate,
  sql,
  startEmbeddedPostgres,
} from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * `npm start` holds the embedded PostgreSQL of its data folder; every operator command run beside
 * it joins that database (found by its `postmaster.pid`) instead of refusing with "another Linju is
 * using this data", and leaves it running. Here the stack's database is started the way
 * `linju start` starts it, on a data folder of this file's own.
 */
const main = join(import.meta.dirname, '..', 'main.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'linju-running-'));
let stack: EmbeddedPostgresHandle;

beforeAll(async () => {
  stack = await startEmbeddedPostgres(dataDir);
  await migrate(stack.ownerUrl, credentials(dataDir).appPassword, { plugins: pluginMigrations });
}, 180_000);
afterAll(() => stack?.stop());

function linju(args: string[], more: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LINJU_DATA_DIR: dataDir,
    LINJU_DATA_KEY: inject('dataKey'),
    ...more,
  };
  for (const name of ['DATABASE_URL', 'DATABASE_APP_URL', 'LINJU_ENV', 'TEMPORAL_ADDRESS']) delete env[name];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('operator commands beside a running stack', () => {
  it('join its PostgreSQL: migrate, peer pin and list, audit checkpoint; the stack keeps running', async () => {
    const peer = join(dataDir, 'peer.json');
    writeFileSync(
      peer,
      JSON.stringify({
        nodeId: 'city-node',
        name: 'City',
        baseUrl: 'https://city.example',
        publicKeys: [
          { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', kid: 'city-key-1' },
        ],
        organisations: [],
      }),
    );
    expect(await linju(['migrate'])).toMatchObject({
      code: 0,
      out: expect.stringContaining('Migrations applied'),
    });
    expect(await linju(['peer', 'pin', '--file', peer])).toMatchObject({ code: 0 });
    expect((await linju(['peer', 'list'])).out).toContain('city-node\thttps://city.example');
    expect(await linju(['audit', 'checkpoint'])).toMatchObject({ code: 0 });

    const still = connect(stack.ownerUrl, { max: 1 });
    const [row] = await still.db.execute<{ node_id: string }>(sql`select node_id from federation_peer`);
    await still.close();
    expect(row?.node_id).toBe('city-node');
  }, 180_000);

  it('a second linju start on the same data is refused in one line, naming what to do', async () => {
    // On a free port, with no turbo on PATH: were it not refused, it would stop at the admin build.
    const { code, out } = await linju(['start'], {
      PORT: String(await freePort()),
      PATH: dirname(process.execPath),
    });
    expect(code).toBe(1);
    expect(out).toContain(`Linju is already running on this data (${dataDir}): one stack per data folder.`);
    expect(out).not.toMatch(/\n\s+at /);
  });
});
