import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  connect,
  credentials,
  type EmbeddedPostgresHandle,
  freePort,
  migrate,
  sql,
  startEmbeddedPostgres,
} from '@linju/db';
import { pluginMigrations } from '@linju/plugins';
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

function linju(
  args: string[],
  more: NodeJS.ProcessEnv = {},
  stdin = '',
): Promise<{ code: number | null; out: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LINJU_DATA_DIR: dataDir,
    LINJU_DATA_KEY: inject('dataKey'),
    // The statute library's import (seconds of both cores, ~700 MB) is not what these tests are about.
    LINJU_STATUTES_IMPORT: 'off',
  };
  for (const name of ['DATABASE_URL', 'DATABASE_APP_URL', 'LINJU_ENV', 'TEMPORAL_ADDRESS']) delete env[name];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [main, ...args], {
      env: { ...env, ...more },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
    child.stdin.end(stdin);
  });
}

const PEER = {
  nodeId: 'city-node',
  name: 'City',
  baseUrl: 'https://city.example',
  publicKeys: [
    { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', kid: 'city-key-1' },
  ],
  organisations: [],
};

/**
 * Every `linju` command of the usage, in the order an operator would run them, each a child
 * process that must succeed; `env` points them at the database (nothing: the running stack's).
 */
async function everyCommand(env: NodeJS.ProcessEnv, { seed = true } = {}) {
  const run = async (args: string[], stdin = '') => {
    const result = await linju(args, env, stdin);
    expect(result, `linju ${args.join(' ')}`).toMatchObject({ code: 0 });
    return result.out;
  };
  const files = mkdtempSync(join(tmpdir(), 'linju-commands-'));
  const peer = join(files, 'peer.json');
  writeFileSync(peer, JSON.stringify(PEER));
  const district = join(files, 'district.json');
  writeFileSync(
    district,
    JSON.stringify({
      slug: 'jingan',
      nameZh: '静安区司法局',
      nameEn: 'Jing’an District Justice Bureau',
      divisionCode: '310106',
      services: ['consultation'],
      centre: { nameZh: '静安区公共法律服务中心', nameEn: 'Jing’an PLS Centre' },
      firstAdmin: { username: 'admin', displayName: '管理员', password: 'Jingan-admin-pass-1' },
    }),
  );

  expect(await run(['migrate'])).toContain('Migrations applied');
  expect(await run(['init', 'ops', '平台运维'], 'Bureau-ops-Setup-2026!\n')).toContain('Linju is set up');
  if (seed) await run(['seed']);
  expect(await run(['tenant', 'create', '--file', district])).toContain('Onboarded: jingan');
  expect(
    await linju(['operator', 'create', 'ops2', '第二运维'], {
      ...env,
      LINJU_OPERATOR_PASSWORD: 'Bureau-ops2-Setup-2026!',
    }),
  ).toMatchObject({ code: 0, out: expect.stringContaining('Operator ops2 created') });
  expect(await run(['keys', 'rotate'])).toContain('Re-sealed');
  expect(await run(['audit', 'checkpoint'])).toContain('jingan: anchored');
  expect(await run(['audit', 'verify', 'jingan'])).toContain('Audit chain of jingan holds');

  expect(await run(['peer', 'pin', '--file', peer])).toContain('Pinned city-node');
  const orgId = 'jingan';
  expect(await run(['peer', 'allow', 'city-node', orgId])).toContain(`city-node may address ${orgId}`);
  expect(await run(['peer', 'list'])).toContain(`city-node\thttps://city.example`);
  expect(await run(['peer', 'disallow', 'city-node', orgId])).toContain('may no longer address');
  expect(await run(['peer', 'unpin', 'city-node'])).toContain('Unpinned city-node');
}

describe('operator commands beside a running stack', () => {
  it('every command joins its PostgreSQL and succeeds; the stack keeps running', async () => {
    await everyCommand({});
    const still = connect(stack.ownerUrl, { max: 1 });
    const [row] = await still.db.execute<{ n: string }>(sql`select count(*) as n from tenant`);
    await still.close();
    expect(Number(row?.n)).toBeGreaterThanOrEqual(2);
  }, 600_000);

  it('every command succeeds against an external DATABASE_URL the stack also uses', async () => {
    const database = `linju_cmds_${randomBytes(4).toString('hex')}`;
    const cluster = connect(inject('ownerDatabaseUrl'), { max: 1 });
    await cluster.db.execute(sql.raw(`create database ${database}`));
    await cluster.close();
    const inDatabase = (url: string) => Object.assign(new URL(url), { pathname: `/${database}` }).toString();
    const ownerUrl = inDatabase(inject('ownerDatabaseUrl'));
    await everyCommand(
      {
        DATABASE_URL: ownerUrl,
        DATABASE_APP_URL: inDatabase(inject('databaseUrl')),
        LINJU_DATA_DIR: mkdtempSync(join(tmpdir(), 'linju-external-')),
      },
      // The demo seed against DATABASE_URL: production-mode.integration.test.ts (start --demo).
      { seed: false },
    );
  }, 600_000);

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
