/**
 * Intake through the real HTTP API (issue 4): the server process as `linju start` runs it, on an
 * embedded PostgreSQL, desk officers signed in over HTTP, `clients` concurrent clients each
 * sending `POST /trpc/case.create` until `count` cases have been taken in. Throughput and p50/p99
 * latency, next to the same statements run directly with postgres.js.
 *
 * "The same statements": one intake is made through the tRPC caller with postgres.js's `debug`
 * hook on, which records every statement of the request (session check, tenant transaction,
 * grants, resident match, counter, case, timeline, roll-ups, audit entry) with its parameters.
 * The baseline replays that list in a transaction per intake, only swapping what must differ
 * between two intakes (new row ids and the audit entry's nonce, the case number from the counter).
 * The ratio is thus what HTTP, tRPC, validation and the domain code cost on top of the database
 * work itself.
 *
 * The audit entries are written unsealed and chained by the worker's sealer (issue 20), which runs
 * in this process during the HTTP run, as the worker would beside the server; after that load
 * `linju audit verify` runs for every district (the CLI, as an operator would: it seals what is
 * left, then verifies), and the bench fails if one chain does not hold.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaller } from '@linju/api';
import { createSecretBox } from '@linju/auth';
import { useAuditKey } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE, type TestDistrict } from '@linju/core/testing';
import {
  appUrlFrom,
  committedAtOnce,
  connect,
  credentials,
  freePort,
  migrate,
  sql,
  startEmbeddedPostgres,
} from '@linju/db';
import { NODE_FLAGS } from '../apps/cli/src/stack/node-flags.ts';
import { startAuditSealer } from '../apps/worker/src/audit-sealer.ts';
import { cpuPerItem, nodeCpuMs } from './bench-cpu.ts';
import { printWaits, sampleWaits } from './bench-waits.ts';

const root = join(import.meta.dirname, '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An HMAC-SHA-256 in base64url, as the blind indexes of phones and ID numbers are. */
const BLIND_INDEX = /^[A-Za-z0-9_-]{43}$/;

/** A statement as sent; `own`: on the connection of statements committed at once (`committedAtOnce`). */
export type Statement = { query: string; params: unknown[]; own?: true };
/** postgres.js, as drizzle holds it: `options` is read on every query, so `debug` can be set late. */
export type RawClient = {
  options: { debug?: unknown };
  begin: <T>(fn: (tx: RawTx) => Promise<T>) => Promise<T>;
  end: (o?: { timeout?: number }) => Promise<void>;
} & RawTx;
export type RawTx = { unsafe: (query: string, params?: unknown[]) => Promise<Record<string, unknown>[]> };

/** The postgres.js client under a drizzle handle (drizzle keeps it as `$client`). */
export const rawClientOf = (db: unknown) => (db as { $client: RawClient }).$client;

/**
 * Runs `fn` with every statement postgres.js sends recorded into `into` (nothing else may run
 * meanwhile), those on `own` (the connection of statements committed at once) marked so.
 */
export async function recordStatements<T>(
  raw: RawClient,
  into: Statement[],
  fn: () => Promise<T>,
  own?: RawClient,
): Promise<T> {
  raw.options.debug = (_connection: number, query: string, params: unknown[]) =>
    into.push({ query, params: [...params] });
  if (own)
    own.options.debug = (_connection: number, query: string, params: unknown[]) =>
      into.push({ query, params: [...params], own: true });
  try {
    return await fn();
  } finally {
    raw.options.debug = undefined;
    if (own) own.options.debug = undefined;
  }
}

/** The statements inside the transaction; the replay opens its own. */
export const withoutTransaction = (statements: Statement[]) =>
  statements.filter((s) => !/^(begin|commit|rollback)\b/i.test(s.query.trim()));

/** Kernel RSS high-water mark of a process (Linux), in bytes. */
export function peakRss(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return line ? Number(line[1]) * 1024 : 0;
}

/** Runs the `linju` CLI (apps/cli) with `env` added, its exit code and everything it printed. */
function linjuCli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'apps', 'cli', 'src', 'main.ts'), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout?.on('data', (c) => (out += c));
    child.stderr?.on('data', (c) => (out += c));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

const intakeOf = (district: TestDistrict, n: number) => ({
  channel: 'walk-in' as const,
  organisationId: district.organisations.stationA,
  serviceType: TEST_SERVICE,
  description: `邻里噪音纠纷，楼上装修持续到深夜，第 ${n} 次来访，要求调解`,
  resident: { name: `居民${n}`, phone: `139${String(10_000_000 + n).slice(-8)}` },
});

/** `clients` workers taking jobs until `count` are done; latency of each job, total rate. */
async function drive(clients: number, count: number, job: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  let failed: { error: unknown } | undefined;
  const started = performance.now();
  // A failure stops every client before it is thrown: a pool closed under a running client would
  // crash the process with postgres.js's socket error and hide the failure itself.
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count && !failed) {
        const i = next++;
        const t0 = performance.now();
        try {
          await job(i);
        } catch (error) {
          failed ??= { error };
          return;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  if (failed) throw failed.error;
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

export async function benchIntake({ clients = 50, count = 2000, districts = 1 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'linju-bench-intake-'));
  const pg = await startEmbeddedPostgres(join(dir, 'postgres'));
  let server: ChildProcess | undefined;
  // Closed before the database stops, on failure too: a pool left open on a stopped server crashes
  // the process with postgres.js's socket error, hiding the failure itself (issue 20).
  const closers: (() => Promise<void>)[] = [];
  try {
    const { appPassword } = credentials(join(dir, 'postgres'));
    await migrate(pg.ownerUrl, appPassword);
    const databaseUrl = appUrlFrom(pg.ownerUrl, appPassword);
    const { db, close } = connect(databaseUrl);
    const owner = connect(pg.ownerUrl);
    closers.push(close, owner.close);
    const dataKey = randomBytes(32);
    const box = createSecretBox(dataKey);
    useAuditKey(dataKey); // as the server's: one data key for the districts made here and there
    const all: TestDistrict[] = [];
    for (let d = 0; d < districts; d++) all.push(await createTestDistrict(db, box, `intake${d}`));
    const known = new Set(
      (
        (await owner.db.execute(
          sql`select id::text from tenant union all select id::text from organisation
              union all select id::text from staff_member`,
        )) as unknown as { id: string }[]
      ).map((r) => r.id),
    );

    // 1. The statements of one intake per district, recorded at the driver.
    const raw = rawClientOf(db);
    const own = rawClientOf(committedAtOnce(db));
    const context = (sessionToken: string | null) => ({
      db,
      box,
      requestId: 'bench',
      ip: '127.0.0.1',
      log: { info() {}, warn() {}, error() {} },
      sessionToken,
      tenantSlugHint: null,
      temporalHealthy: async () => true,
      totpIssuer: 'bench',
    });
    const record = async (district: TestDistrict) => {
      const { sessionToken } = await createCaller(context(null)).auth.login({
        tenantSlug: district.slug,
        username: 'desk-a',
        password: TEST_PASSWORD,
      });
      const desk = createCaller(context(sessionToken));
      for (let i = 0; i < 20; i++) await desk.case.create(intakeOf(district, 900_000 + i)); // warm-up
      const captured: Statement[] = [];
      const made = await recordStatements(
        raw,
        captured,
        () => desk.case.create(intakeOf(district, 999_999)),
        own,
      );
      if (process.argv.includes('--show-statements')) {
        for (const s of captured) process.stdout.write(`${s.query}\n  ${JSON.stringify(s.params)}\n`);
      }
      // The request's round trips, its transaction's begin and commit included.
      return { statements: withoutTransaction(captured), roundTrips: captured.length, number: made.number };
    };
    const recorded: Awaited<ReturnType<typeof record>>[] = [];
    for (const district of all) recorded.push(await record(district));

    /**
     * One intake's statements again, ids and chain values swapped for this intake's own; the
     * number drawn on `own`, outside the transaction, as the intake draws it.
     */
    const replay = async (tx: RawTx, own: RawTx, d: number) => {
      const { statements, number } = recorded[d % districts] as (typeof recorded)[number];
      const [prefix, year] = number.split('-');
      const swap = new Map<unknown, unknown>();
      for (const s of statements) {
        const params = s.params.map((p) => {
          if (swap.has(p)) return swap.get(p);
          if (typeof p !== 'string') return p;
          // An insert's new ids.
          if (UUID.test(p) && !known.has(p) && /\binsert into\b/i.test(s.query)) {
            const fresh = randomUUID();
            swap.set(p, fresh);
            return fresh;
          }
          // A resident's blind index (the phone's): each replay a new resident, as each intake's,
          // not one phone shared by thousands whose look-up grows with every replay.
          if (BLIND_INDEX.test(p)) {
            const fresh = randomBytes(32).toString('base64url');
            swap.set(p, fresh);
            return fresh;
          }
          return p;
        });
        const rows = await (s.own ? own : tx).unsafe(s.query, params);
        if (/\bdraw_case_number\b/.test(s.query) && rows[0]?.last !== undefined) {
          swap.set(number, `${prefix}-${year}-${String(rows[0].last).padStart(6, '0')}`);
        }
      }
    };

    // The worker's audit sealer, here: entries are chained as they commit, during the HTTP run.
    const silent = { info() {}, warn() {} };
    const sealer = await startAuditSealer(db, { url: databaseUrl, log: silent });
    closers.unshift(sealer.close);

    // 2. The real server, one process, as `linju start` runs it; `BENCH_SERVER_CPU_PROF=<dir>`
    // profiles it (`--cpu-prof`, written when it stops).
    const profileDir = process.env.BENCH_SERVER_CPU_PROF;
    const serverProfile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
    const port = await freePort();
    server = spawn(
      process.execPath,
      [...NODE_FLAGS, ...serverProfile, join(root, 'apps', 'server', 'src', 'main.ts')],
      {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_APP_URL: databaseUrl,
          TEMPORAL_ADDRESS: `127.0.0.1:${await freePort()}`,
          LINJU_DATA_DIR: dir,
          LINJU_DATA_KEY: dataKey.toString('base64'),
          LINJU_ADMIN_BUILD: join(dir, 'no-admin-build'),
          LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
    const base = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries++) {
      const up = await fetch(`${base}/.well-known/linju-node`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (tries > 600) throw new Error('the server did not start within 60 s');
      await sleep(100);
    }
    // Each client signs in as a desk officer of its district (client i: district i mod districts),
    // its own session.
    const officers = ['desk', 'desk-a', 'desk-b'];
    const cookies: string[] = [];
    for (let i = 0; i < clients; i++) {
      const response = await fetch(`${base}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          tenantSlug: (all[i % districts] as TestDistrict).slug,
          username: officers[Math.floor(i / districts) % officers.length],
          password: TEST_PASSWORD,
        }),
      });
      // tRPC hands the token back in the body; the admin app would set it as this cookie.
      const body = (await response.json()) as { result?: { data?: { sessionToken?: string } } };
      const token = body.result?.data?.sessionToken;
      if (!response.ok || !token) throw new Error(`sign-in over HTTP failed: ${response.status}`);
      cookies.push(`linju_session=${token}`);
    }
    const post = async (client: number, n: number) => {
      const district = all[client % districts] as TestDistrict;
      const o = district.organisations;
      const organisationId = [o.centreId, o.stationA, o.stationB][Math.floor(client / districts) % 3];
      for (;;) {
        const response = await fetch(`${base}/trpc/case.create`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: cookies[client] as string },
          body: JSON.stringify({ ...intakeOf(district, n), organisationId }),
        });
        // Shed under overload (no connection came free in time): a client tries again, as a
        // desk's browser would; the figure says how often.
        if (response.status === 503) {
          shed++;
          await response.arrayBuffer();
          await sleep(50);
          continue;
        }
        if (!response.ok)
          throw new Error(`case.create over HTTP: ${response.status} ${await response.text()}`);
        await response.arrayBuffer();
        return;
      }
    };
    let shed = 0;
    await drive(clients, 200, async (i) => post(i % clients, 100_000 + i)); // warm-up
    shed = 0;
    // Where the sessions wait meanwhile (`--sample-waits`): a lock, the server between statements, the CPU.
    const sampler = process.argv.includes('--sample-waits') ? sampleWaits(owner.db) : null;
    const names = new Map([[server.pid as number, 'server']]);
    const cpuBefore = nodeCpuMs(names);
    const http = { ...(await drive(clients, count, async (i) => post(i % clients, 200_000 + i))), shed };
    // CPU per intake by process: the server, PostgreSQL, and this one (the 50 clients and the sealer).
    const httpCpu = cpuPerItem(cpuBefore, nodeCpuMs(names), count, []);
    const waits = await sampler?.stop();
    const serverRss = peakRss(server.pid as number);
    // The machine is shared: its load over the last minute of the HTTP run, beside the figures.
    const load = loadavg();

    await closers.shift()?.();
    // `linju audit verify <district>` itself after the concurrent load, a process of its own as an
    // operator runs it: it seals what is left, then checks the chain. Before the direct-SQL replay,
    // whose copied entries are not written with the key and which the sealer rightly leaves
    // unsealed as forged. The sealer stops here: the replay runs without it, so its cost counts
    // against the API only.
    const chains = [];
    for (const district of all) {
      const verified = await linjuCli(['audit', 'verify', district.slug], {
        DATABASE_URL: pg.ownerUrl,
        DATABASE_APP_URL: databaseUrl,
        LINJU_DATA_DIR: dir,
        LINJU_DATA_KEY: dataKey.toString('base64'),
      });
      const holds = verified.out.match(/holds: (\d+) entries/);
      if (verified.code !== 0 || !holds)
        throw new Error(`linju audit verify ${district.slug} after the load:\n${verified.out}`);
      const left = verified.out.match(/Sealed (\d+) entries/);
      chains.push({ entries: Number(holds[1]), left: left ? Number(left[1]) : 0 });
    }
    const audit = {
      entries: chains.reduce((n, c) => n + c.entries, 0),
      leftForVerify: chains.reduce((n, c) => n + c.left, 0),
    };

    // 3. The same statements directly, 50 tasks; on the server's pool size and on one connection
    // per task — the better of the two is the baseline, so the ratio does not flatter the API.
    const direct = async (connections: number) => {
      // Its tasks queue for its connections and the district's rows as long as they must: the
      // baseline sheds nothing (on a loaded machine a queue of 50 outlasts the server's deadlines).
      const pool = connect(databaseUrl, {
        max: connections,
        deadlines: { acquireMs: 600_000, statementMs: 600_000 },
      });
      const client = rawClientOf(pool.db);
      const drawer = rawClientOf(committedAtOnce(pool.db));
      const job = (i: number) => client.begin((tx) => replay(tx, drawer, i % clients));
      await drive(clients, 200, job); // warm-up
      const before = nodeCpuMs();
      const result = await drive(clients, count, job);
      const cpu = cpuPerItem(before, nodeCpuMs(), count, ['server']);
      await pool.close();
      return { connections, ...result, cpu };
    };
    const sqlOnServerPool = await direct(10);
    const sqlPerClient = await direct(clients);
    const baseline = sqlOnServerPool.perSecond >= sqlPerClient.perSecond ? sqlOnServerPool : sqlPerClient;
    const [{ cases } = { cases: 0 }] = (await owner.db.execute(
      sql`select count(*)::int as cases from "case"`,
    )) as unknown as { cases: number }[];
    return {
      clients,
      count,
      districts,
      statements: recorded[0]?.statements.length ?? 0,
      roundTrips: recorded[0]?.roundTrips ?? 0,
      audit,
      waits,
      http,
      httpCpu,
      sqlOnServerPool,
      sqlPerClient,
      baseline,
      serverRss,
      cases,
      load,
    };
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server?.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    for (const closeIt of closers) await closeIt().catch(() => undefined);
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** CPU per intake, in all and by process ('API caller': this process, clients and sealer). */
function printCpu(cpu: ReturnType<typeof cpuPerItem>) {
  const parts = Object.entries(cpu.byProcess)
    .sort(([, a], [, b]) => b - a)
    .map(([name, ms]) => `${name === 'API caller' ? 'bench clients' : name} ${ms.toFixed(1)}`);
  process.stdout.write(`    CPU per intake ${cpu.total.toFixed(1)} ms (${parts.join(', ')})\n`);
}

/** Issue 20's figures (the last run before the sealer) and its targets. */
const ISSUE_20 = { oneDistrict: 37, tenDistrictsRatio: 0.44, statements: 36 };
const TARGET = { oneDistrict: 300, tenDistrictsRatio: 0.5 };
const verdict = (met: boolean) => (met ? 'met' : 'NOT met');

/** Prints the figures the way `npm run bench` prints its others, beside issue 20's and its targets. */
export function printIntake(r: Awaited<ReturnType<typeof benchIntake>>) {
  const out = process.stdout;
  const row = (name: string, x: { perSecond: number; p50: number; p99: number }) =>
    out.write(
      `  ${name.padEnd(46)} ${x.perSecond.toFixed(0).padStart(6)} /s   p50 ${x.p50.toFixed(1).padStart(7)} ms` +
        `   p99 ${x.p99.toFixed(1).padStart(7)} ms\n`,
    );
  out.write(
    `\nIntake over HTTP: ${r.clients} concurrent clients, ${r.count.toLocaleString('en')} case.create calls ` +
      `(${r.districts === 1 ? 'one district' : `${r.districts} districts`}; ${r.cases.toLocaleString('en')} cases at the end; ` +
      `load average ${r.load.map((l) => l.toFixed(1)).join(' ')} after the HTTP run)\n`,
  );
  row('POST /trpc/case.create (server process)', r.http);
  printCpu(r.httpCpu);
  if (r.waits) printWaits(r.waits);
  if (r.http.shed > 0) out.write(`    (${r.http.shed} calls shed as busy under overload and sent again)\n`);
  row(`same statements, postgres.js, pool of ${r.sqlOnServerPool.connections}`, r.sqlOnServerPool);
  printCpu(r.sqlOnServerPool.cpu);
  row(`same statements, postgres.js, pool of ${r.sqlPerClient.connections}`, r.sqlPerClient);
  printCpu(r.sqlPerClient.cpu);
  const ratio = r.http.perSecond / r.baseline.perSecond;
  out.write(`  API rate / direct-SQL rate: ${(ratio * 100).toFixed(0)}%`);
  if (r.districts === 1) {
    out.write(
      `\n  one district: ${r.http.perSecond.toFixed(0)} intakes/s (issue 20: ${ISSUE_20.oneDistrict}/s; ` +
        `target ≥ ${TARGET.oneDistrict}/s: ${verdict(r.http.perSecond >= TARGET.oneDistrict)})\n`,
    );
  } else {
    out.write(
      ` (issue 20: ${(ISSUE_20.tenDistrictsRatio * 100).toFixed(0)}%; target ≥ ${TARGET.tenDistrictsRatio * 100}%: ` +
        `${verdict(ratio >= TARGET.tenDistrictsRatio)})\n`,
    );
  }
  out.write(
    `  statements per intake: ${r.statements}, ${r.roundTrips} round trips with its transaction's begin and commit ` +
      `(issue 20: ${ISSUE_20.statements}; target < ${ISSUE_20.statements}: ${verdict(r.statements < ISSUE_20.statements)})\n`,
  );
  out.write(
    `  linju audit verify after the load: every district's chain holds, ${r.audit.entries.toLocaleString('en')} entries ` +
      `(${r.audit.leftForVerify} were left for it to seal)\n`,
  );
  out.write(
    `  peak RSS: server process ${mb(r.serverRss)}, benchmark process ${mb(process.resourceUsage().maxRSS * 1024)}\n`,
  );
}

/** The bench stage: one district (the rate target), then ten (the ratio target). */
export async function benchIntakeStage(count: number, only?: number) {
  for (const districts of only ? [only] : [1, 10]) {
    printIntake(await benchIntake({ clients: 50, count, districts }));
  }
}

if (process.argv[1]?.endsWith('bench-intake.ts')) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const districts = arg('intake-districts');
  await benchIntakeStage(Number(arg('intake-count') ?? 2000), districts ? Number(districts) : undefined);
}
