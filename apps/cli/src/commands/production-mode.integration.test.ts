import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { connect, type DbHandle, freePort, sql } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

/**
 * A production deployment (`LINJU_ENV=production`) as an operator runs it: the CLI, the server and
 * the worker spawned against this run's real PostgreSQL, in a database of its own, so no other
 * test's districts or operators are seen.
 */
const repo = join(import.meta.dirname, '..', '..', '..', '..');
const entry = {
  cli: join(repo, 'apps', 'cli', 'src', 'main.ts'),
  server: join(repo, 'apps', 'server', 'src', 'main.ts'),
  worker: join(repo, 'apps', 'worker', 'src', 'main.ts'),
};
const SETTINGS = [
  'LINJU_ENV',
  'DATABASE_URL',
  'DATABASE_APP_URL',
  'TEMPORAL_ADDRESS',
  'LINJU_PUBLIC_URL',
  'LINJU_DATA_DIR',
  'LINJU_DATA_KEY',
  'LINJU_DATA_KEY_FILE',
  'DATABASE_URL_FILE',
  'DATABASE_APP_URL_FILE',
] as const;

/** Two databases of this file's own: a production deployment's, and one `npm start` is pointed at. */
const databases = [
  `linju_prod_${randomBytes(4).toString('hex')}`,
  `linju_ext_${randomBytes(4).toString('hex')}`,
];
const inDatabase = (url: string, database = databases[0]) =>
  Object.assign(new URL(url), { pathname: `/${database}` }).toString();
let owner: DbHandle;
let external: DbHandle;
let takenPort = 0;
const blocker = createServer();
beforeAll(async () => {
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  takenPort = (blocker.address() as AddressInfo).port;
  const cluster = connect(inject('ownerDatabaseUrl'), { max: 1 });
  for (const database of databases) await cluster.db.execute(sql.raw(`create database ${database}`));
  await cluster.close();
  owner = connect(inDatabase(inject('ownerDatabaseUrl')), { max: 1 });
  external = connect(inDatabase(inject('ownerDatabaseUrl'), databases[1]), { max: 1 });
});
afterAll(async () => {
  blocker.close();
  await Promise.all([owner?.close(), external?.close()]);
});

/** Every setting a production deployment needs, for this test's database and a fresh data folder. */
const production = () => ({
  LINJU_ENV: 'production',
  DATABASE_URL: inDatabase(inject('ownerDatabaseUrl')),
  DATABASE_APP_URL: inDatabase(inject('databaseUrl')),
  TEMPORAL_ADDRESS: inject('temporalAddress'),
  LINJU_PUBLIC_URL: 'https://linju.sfj.example.gov.cn',
  LINJU_DATA_DIR: mkdtempSync(join(tmpdir(), 'linju-prod-')),
  LINJU_DATA_KEY: inject('dataKey'),
});

/** Runs an entry point with exactly these Linju settings (none inherited from the test's own). */
function run(
  file: string,
  env: Record<string, string | undefined>,
  args: string[] = [],
  stdin = '',
  timeout = 60_000,
): Promise<{ code: number | null; out: string; err: string }> {
  const inherited = { ...process.env };
  for (const name of SETTINGS) delete inherited[name];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file, ...args], {
      // PORT taken: a process that wrongly went on to serve stops there instead of running on.
      env: { ...inherited, PORT: String(takenPort), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
      // Not an assertion: a regression that starts serving is ended, and fails on its exit code.
      timeout,
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('exit', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}
const linju = (env: Record<string, string | undefined>, args: string[], stdin?: string) =>
  run(entry.cli, env, args, stdin);

/** One line naming what is missing (then the remedy), never a stack trace. */
const expectRefusal = (err: string, cause: string) => {
  expect(err.trim().split('\n')[0]).toContain(cause);
  expect(err).not.toMatch(/\n\s+at /);
};

const count = async (query: ReturnType<typeof sql>, db = owner) =>
  Number(((await db.db.execute<{ n: string }>(query))[0] as { n: string }).n);

describe('production mode refuses to start without its settings', () => {
  it.each([
    ['DATABASE_URL or DATABASE_URL_FILE', ['DATABASE_URL']],
    ['DATABASE_APP_URL or DATABASE_APP_URL_FILE', ['DATABASE_APP_URL']],
    ['TEMPORAL_ADDRESS', ['TEMPORAL_ADDRESS']],
    ['LINJU_PUBLIC_URL', ['LINJU_PUBLIC_URL']],
    ['LINJU_DATA_DIR', ['LINJU_DATA_DIR']],
    ['LINJU_DATA_KEY or LINJU_DATA_KEY_FILE', ['LINJU_DATA_KEY', 'LINJU_DATA_KEY_FILE']],
  ])('linju start names %s when it is missing, and starts nothing embedded', async (named, unset) => {
    const env: Record<string, string | undefined> = production();
    const dataDir = env.LINJU_DATA_DIR as string;
    for (const name of unset) delete env[name];
    const { code, err, out } = await linju(env, ['start']);
    expect(code).toBe(1);
    expectRefusal(err, `Production mode (LINJU_ENV=production) is missing ${named}.`);
    expect(out).not.toContain('Starting PostgreSQL');
    expect(existsSync(join(dataDir, 'postgres'))).toBe(false);
  });

  it('names every missing setting in one line, and refuses a mode it does not know', async () => {
    const bare = await linju({ LINJU_ENV: 'production' }, ['start']);
    expect(bare.code).toBe(1);
    expectRefusal(
      bare.err,
      'is missing DATABASE_URL or DATABASE_URL_FILE, DATABASE_APP_URL or DATABASE_APP_URL_FILE, LINJU_DATA_DIR, TEMPORAL_ADDRESS, LINJU_PUBLIC_URL, LINJU_DATA_KEY or LINJU_DATA_KEY_FILE.',
    );
    const typo = await linju({ ...production(), LINJU_ENV: 'prod' }, ['start']);
    expect(typo.code).toBe(1);
    expectRefusal(typo.err, "LINJU_ENV must be production or development (got 'prod').");
  });

  it('the server and the worker refuse the same way, and neither makes a node key of its own', async () => {
    const some = { LINJU_ENV: 'production', DATABASE_APP_URL: inDatabase(inject('databaseUrl')) };
    const missing =
      'is missing TEMPORAL_ADDRESS, LINJU_PUBLIC_URL, LINJU_DATA_DIR, LINJU_DATA_KEY or LINJU_DATA_KEY_FILE.';
    const [server, worker] = await Promise.all([run(entry.server, some), run(entry.worker, some)]);
    expect(server.code).toBe(1);
    expectRefusal(server.err, missing);
    expect(worker.code).toBe(1);
    expectRefusal(worker.err, missing);

    const env = production();
    const keyless = await Promise.all([run(entry.server, env), run(entry.worker, env)]);
    for (const { code, err } of keyless) {
      expect(code).toBe(1);
      expectRefusal(err, `No node key at ${join(env.LINJU_DATA_DIR, 'federation', 'node-key.json')}`);
    }
    expect(existsSync(join(env.LINJU_DATA_DIR, 'federation'))).toBe(false);
  });

  it('an operator command needs the database settings and the data key; none is made up', async () => {
    const { DATABASE_URL: _, ...noOwner } = production();
    const migrate = await linju(noOwner, ['migrate']);
    expect(migrate.code).toBe(1);
    expectRefusal(migrate.err, 'is missing DATABASE_URL or DATABASE_URL_FILE.');

    const { LINJU_DATA_KEY: __, ...noKey } = production();
    const verify = await linju(noKey, ['audit', 'verify', 'xuhui']);
    expect(verify.code).toBe(1);
    expectRefusal(verify.err, 'is missing LINJU_DATA_KEY or LINJU_DATA_KEY_FILE.');
    expect(existsSync(join(noKey.LINJU_DATA_DIR, 'data-key'))).toBe(false);
    expect(existsSync(join(noKey.LINJU_DATA_DIR, 'credentials.json'))).toBe(false);
  });
});

describe('a production deployment is set up by linju migrate and linju init, never seeded', () => {
  const env = production();
  const operators = () => count(sql`select count(*) as n from platform_operator`);

  it('migrates as its own step, and refuses the demo from seed and from start --demo', async () => {
    expect(await linju(env, ['migrate'])).toMatchObject({ code: 0, out: 'Migrations applied.\n' });
    const seed = await linju(env, ['seed']);
    expect(seed.code).toBe(1);
    expectRefusal(seed.err, 'Production mode (LINJU_ENV=production) never seeds the demo');
    const demo = await linju(env, ['start', '--demo']);
    expect(demo.code).toBe(1);
    expectRefusal(demo.err, 'Production mode (LINJU_ENV=production) never seeds the demo.');
    expect(await count(sql`select count(*) as n from tenant`)).toBe(0);
    expect(await operators()).toBe(0);
  });

  it('linju start takes the database URLs from secret files, migrates and does not seed (stopped at the admin build: no turbo on its PATH)', async () => {
    // Each URL in a file, as systemd credentials or a Kubernetes secret mount it; the migrate step
    // start spawns gets the URLs it opened, not the URL and its file both.
    const { DATABASE_URL: ownerUrl, DATABASE_APP_URL: appUrl, ...rest } = env;
    const secrets = mkdtempSync(join(tmpdir(), 'linju-secrets-'));
    writeFileSync(join(secrets, 'database-url'), `${ownerUrl}\n`, { mode: 0o600 });
    writeFileSync(join(secrets, 'database-app-url'), `${appUrl}\n`, { mode: 0o600 });
    const started = await linju(
      {
        ...rest,
        DATABASE_URL_FILE: join(secrets, 'database-url'),
        DATABASE_APP_URL_FILE: join(secrets, 'database-app-url'),
        PORT: String(await freePort()),
        PATH: dirname(process.execPath),
      },
      ['start'],
    );
    expect(started.err).toContain('Building the admin app failed.');
    expect(await count(sql`select count(*) as n from tenant`)).toBe(0);
    expect(started.out).toContain('Using the PostgreSQL of DATABASE_URL');
    expect(started.out).toContain('Applying database migrations (no demo');
  }, 120_000);

  it('init refuses a weak password, creates the operator from stdin, then refuses a second init', async () => {
    const weak = await linju(env, ['init', 'ops', '平台运维'], 'linju123\n');
    expect(weak.code).toBe(1);
    expectRefusal(weak.err, 'auth.password_too_weak');
    expect(await operators()).toBe(0);

    const password = 'Bureau-ops-Setup-2026!';
    const first = await linju(env, ['init', 'ops', '平台运维'], `${password}\n`);
    expect(first).toMatchObject({ code: 0, out: expect.stringContaining('Linju is set up. Operator ops') });
    expect(first.out).toMatch(/\n {2}[A-Z2-7]{16,}\n/); // the TOTP key, shown once
    const keyFile = join(env.LINJU_DATA_DIR, 'federation', 'node-key.json');
    expect(existsSync(keyFile)).toBe(true);
    // How every instance gets the same key: the lines to export it from a secret.
    expect(first.out).toContain(`export LINJU_NODE_KEY_FILE=${keyFile}`);
    expect(first.out).toContain(`export LINJU_NODE_KEY="$(cat ${keyFile})"`);
    const [row] = await owner.db.execute<{ username: string; password_hash: string }>(
      sql`select username, password_hash from platform_operator`,
    );
    expect(row?.username).toBe('ops');
    expect(row?.password_hash).not.toContain(password);

    const again = await linju(env, ['init', 'ops2', '第二个'], `${password}\n`);
    expect(again.code).toBe(1);
    expectRefusal(again.err, 'platform.already_initialised');
    expect(await operators()).toBe(1);
    expect(await count(sql`select count(*) as n from tenant`)).toBe(0);
  }, 120_000);
});

describe('npm start with an external DATABASE_URL seeds the demo only when asked', () => {
  // The database step decides; the stack need not serve for this, so each run stops at the admin
  // app's build (no turbo on its PATH), after migrating — or seeding.
  const externalStart = async (args: string[]) =>
    run(
      entry.cli,
      {
        DATABASE_URL: inDatabase(inject('ownerDatabaseUrl'), databases[1]),
        DATABASE_APP_URL: inDatabase(inject('databaseUrl'), databases[1]),
        TEMPORAL_ADDRESS: inject('temporalAddress'),
        LINJU_DATA_DIR: mkdtempSync(join(tmpdir(), 'linju-ext-')),
        LINJU_DATA_KEY: inject('dataKey'),
        PORT: String(await freePort()),
        PATH: dirname(process.execPath),
      },
      ['start', ...args],
      '',
      300_000,
    );
  const demoDistricts = () =>
    count(sql`select count(*) as n from tenant where slug in ('xuhui', 'shanghai')`, external);

  it('migrates without the demo, then seeds it with --demo', async () => {
    const plain = await externalStart([]);
    expect(plain.err).toContain('Building the admin app failed.');
    expect(await count(sql`select count(*) as n from tenant`, external)).toBe(0);
    expect(plain.out).toContain('Applying database migrations (no demo');

    const demo = await externalStart(['--demo']);
    expect(demo.out).toContain('seeding the demo district');
    expect(demo.err).toContain('Building the admin app failed.');
    expect(await demoDistricts()).toBe(2);
  }, 600_000);
});
