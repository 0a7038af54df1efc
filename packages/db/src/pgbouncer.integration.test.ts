import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect, type DbHandle, freePort, sql, withTenant } from './index.ts';
import { openPostgres } from './postgres-client.ts';

/**
 * The application pool through a real PgBouncer (Debian's, installed by `scripts/test.ts`) in
 * transaction mode, set up as `docs/operations.md` ("PostgreSQL") says: the deadlines' start-up
 * parameters ignored, two server connections for every client.
 */
const PGBOUNCER = '/usr/sbin/pgbouncer';
let bouncer: ChildProcess;
let bouncerUrl: string;
let log = '';
const opened: DbHandle[] = [];
const before = process.env.DATABASE_PREPARE;

beforeAll(async () => {
  if (!existsSync(PGBOUNCER))
    throw new Error(`${PGBOUNCER} is missing: apt-get install pgbouncer (scripts/test.ts does)`);
  const target = new URL(inject('databaseUrl'));
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'pgbouncer-'));
  const ini = join(dir, 'pgbouncer.ini');
  const database = target.pathname.slice(1);
  const user = decodeURIComponent(target.username);
  const password = decodeURIComponent(target.password);
  writeFileSync(
    ini,
    [
      '[databases]',
      `${database} = host=${target.hostname} port=${target.port} dbname=${database} user=${user} password=${password}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = any',
      'pool_mode = transaction',
      'default_pool_size = 2',
      'ignore_startup_parameters = statement_timeout,idle_in_transaction_session_timeout',
      '',
    ].join('\n'),
  );
  // PgBouncer will not run as root; it drops to `nobody` when started as root.
  const asUser = process.getuid?.() === 0 ? ['-u', 'nobody'] : [];
  bouncer = spawn(PGBOUNCER, [...asUser, ini], { stdio: ['ignore', 'pipe', 'pipe'] });
  bouncer.stderr?.on('data', (chunk: Buffer) => {
    log += chunk.toString();
  });
  bouncerUrl = `postgres://${target.username}:${target.password}@127.0.0.1:${port}/${database}`;
  const probe = openPostgres(bouncerUrl, { max: 1, prepare: false, onnotice: () => {} });
  for (let tries = 0; ; tries++) {
    const up = await probe`select 1`.then(
      () => true,
      () => false,
    );
    if (up) break;
    if (tries > 100 || bouncer.exitCode !== null) throw new Error(`PgBouncer did not start: ${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await probe.end();
});

afterEach(async () => {
  process.env.DATABASE_PREPARE = before;
  if (before === undefined) delete process.env.DATABASE_PREPARE;
  await Promise.all(opened.splice(0).map((h) => h.close()));
});

afterAll(() => {
  bouncer?.kill('SIGTERM');
});

/**
 * A transaction of the app's pool after PgBouncer gave its earlier server connection to someone
 * else: it runs on the other one, where nothing this client prepared exists.
 */
async function transactionOnAnotherServerConnection(): Promise<{ before: number; after: number }> {
  const app = connect(bouncerUrl, { max: 1 });
  opened.push(app);
  const tenant = crypto.randomUUID();
  const read = async () => {
    const rows = await withTenant(app.db, tenant, (tx) =>
      tx.execute<{ pid: number; t: string }>(
        sql`select pg_backend_pid() as pid, current_setting('app.tenant_id') as t where ${1}::int = 1`,
      ),
    );
    expect(rows[0]?.t).toBe(tenant);
    return rows[0]?.pid ?? 0;
  };
  const first = await read();
  const holder = openPostgres(bouncerUrl, { max: 1, prepare: false, onnotice: () => {} });
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  let entered = () => {};
  const holding = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const holderDone = holder.begin(async (tx) => {
    await tx`select 1`;
    entered();
    await held;
  });
  await holding;
  try {
    return { before: first, after: await read() };
  } finally {
    release();
    await holderDone;
    await holder.end();
  }
}

describe('behind PgBouncer in transaction mode', () => {
  it('runs the app pool with DATABASE_PREPARE=false on whichever server connection a transaction gets', async () => {
    process.env.DATABASE_PREPARE = 'false';
    const { before, after } = await transactionOnAnotherServerConnection();
    expect(after).not.toBe(before);
  });
});
