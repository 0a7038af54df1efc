/**
 * `npm run bench`: figures as ratios against a baseline measured in the same run (these machines
 * are shared and noisy), with peak memory beside them.
 *
 * 1. API request pipeline through the tRPC caller as a signed-in desk officer (session check,
 *    tenant transaction, grants, query): listing organisations, intake of a case, finding cases by
 *    phone (blind index) and by Chinese text (trigram), against the baseline of one `select 1`
 *    round trip on the same pool.
 * 2. The statistics dashboard on a district with a large number of cases' roll-ups
 *    (`bench-statistics.ts`; `--stats-cases=N`, `--no-statistics`).
 * 3. Referrals through the exchange (`bench-referrals.ts`; `--no-referrals`): sends per second and
 *    CPU per referral's life against Temporal's floor for the same shape (a minimal pair of
 *    workflows, `bench-referrals-floor.ts`), and send → visible in the partner's inbox, p50/p99.
 * 4. Intake through the real HTTP API, 50 concurrent clients, one district and then ten, against
 *    the same statements run directly with postgres.js, the audit chains verified after the load
 *    (`bench-intake.ts`; `--no-intake`, `--intake-count=N`, `--intake-districts=N` for one run on N).
 * 5. Queues and search with many districts and cases loaded, `findCases` in `withTenant` against the
 *    same statements directly (`bench-search.ts`; `--no-search`, `--search-tenants=N
 *    --search-cases=N`; 20 districts and 200,000 cases by default, issue 4's figure is
 *    `--search-tenants=1000 --search-cases=10000000`; `--search-data-dir=DIR` keeps that database in
 *    DIR and reuses it on the next run with the same sizes, pending migrations applied first, so a
 *    new index is measured without generating again — delete DIR when done, ~10 GB at that size).
 * 6. The OpenAPI document (REST and the referral exchange) fuzzed with every schemathesis check,
 *    longer than `npm test` does (`fuzz-openapi.ts`; `--no-fuzz`, `--fuzz-examples=N`,
 *    `--fuzz-seconds=S`, `--fuzz-seed=N`); its problems are listed, and fail the bench.
 * 7. The residents' public site (`bench-public-site.ts`; `--no-public-site`): server render time
 *    p50/p95 and transfer size of its pages against a static file of the same server.
 * 8. The statute library (`bench-statutes.ts`; `--no-statutes`): recall@5 of our search and of the
 *    corpus package's own BM25 over `statute-questions.json`, side by side; search p50/p99 over the
 *    whole corpus against one `select 1` round trip; peak memory.
 * 9. The admin's case page (`bench-pages.ts`; `--no-pages`): a 100-event timeline server-rendered,
 *    p50/p95 against a static file of the same server, and the first-load JavaScript, raw and gzipped,
 *    beside the issue's targets.
 * 10. The whole stack at rest: `linju start` in a fresh data folder (the statute library's background
 *    import off), then the resident memory of its process tree after it settles, by part
 *    (PostgreSQL, Temporal, server, worker, supervisor), beside the target (≤ 1.0 GB; `--no-stack`).
 *    `--statutes-import-peak` also measures that import apart: its process's peak and the stack's.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCaller } from '@linju/api';
import { createSecretBox } from '@linju/auth';
import { useAuditKey } from '@linju/core';
import { createTestDistrict, TEST_PASSWORD, TEST_SERVICE } from '@linju/core/testing';
import { appUrlFrom, connect, credentials, freePort, migrate, sql, startEmbeddedPostgres } from '@linju/db';
import { benchIntakeStage, peakRss } from './bench-intake.ts';
import { benchPages, printPages } from './bench-pages.ts';
import { benchPublicSite, printPublicSite } from './bench-public-site.ts';
import { printReferralBench } from './bench-referrals.ts';
import { benchSearch, printSearch } from './bench-search.ts';
import { stackParts, startStack, stopStack, treeProcesses, treeRss } from './bench-stack.ts';
import { benchStatistics, printStatistics } from './bench-statistics.ts';
import { benchStatutes, printStatutes } from './bench-statutes.ts';
import { runLongFuzzFromArgs } from './fuzz-openapi.ts';

async function timeLoop(iterations: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(50, iterations); i++) await fn(); // warm-up
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await fn();
  return (performance.now() - started) / iterations;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function benchApi() {
  const dir = mkdtempSync(join(tmpdir(), 'linju-bench-'));
  const pg = await startEmbeddedPostgres(dir);
  try {
    const { appPassword } = credentials(dir);
    await migrate(pg.ownerUrl, appPassword);
    const { db, close } = connect(appUrlFrom(pg.ownerUrl, appPassword));
    const dataKey = randomBytes(32);
    useAuditKey(dataKey);
    const box = createSecretBox(dataKey);
    const district = await createTestDistrict(db, box, 'bench');
    const base = {
      db,
      box,
      requestId: 'bench',
      ip: '127.0.0.1',
      log: { info() {}, warn() {}, error() {} },
      tenantSlugHint: null,
      temporalHealthy: async () => true,
      totpIssuer: 'bench',
    };
    const { sessionToken } = await createCaller({ ...base, sessionToken: null }).auth.login({
      tenantSlug: district.slug,
      username: 'desk',
      password: TEST_PASSWORD,
    });
    const desk = createCaller({ ...base, sessionToken });

    const baseline = await timeLoop(2000, () => db.execute(sql`select 1`));
    const list = await timeLoop(1000, () => desk.organisation.getMany());
    let n = 0;
    const intake = await timeLoop(500, () => {
      n += 1;
      return desk.case.create({
        channel: 'walk-in',
        organisationId: district.organisations.centreId,
        serviceType: TEST_SERVICE,
        description: `邻里噪音纠纷，第 ${n} 次来访，要求调解`,
        resident: { name: `居民${n}`, phone: `139${String(10_000_000 + n).slice(-8)}` },
      });
    });
    const byPhone = await timeLoop(300, () => desk.case.getMany({ phone: '13910000250' }));
    const byText = await timeLoop(300, () => desk.case.getMany({ text: '噪音纠纷' }));
    const signIn = await timeLoop(20, () =>
      createCaller({ ...base, sessionToken: null }).auth.login({
        tenantSlug: district.slug,
        username: 'desk',
        password: TEST_PASSWORD,
      }),
    );
    await close();
    return [
      { case: 'baseline: select 1 round trip', ms: baseline, ratio: 1 },
      { case: 'organisation.getMany as a desk officer', ms: list, ratio: list / baseline },
      { case: 'case.create (walk-in intake, new resident)', ms: intake, ratio: intake / baseline },
      { case: `case.getMany by phone (of ${n} cases)`, ms: byPhone, ratio: byPhone / baseline },
      { case: `case.getMany by Chinese text (of ${n})`, ms: byText, ratio: byText / baseline },
      { case: 'auth.login (argon2id verify + session)', ms: signIn, ratio: signIn / baseline },
    ];
  } finally {
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The target for the whole stack at rest (issue 20: ≤ 1.0 GB). */
const STACK_AT_REST_TARGET = 1024 * 1024 * 1024;

async function benchStackAtRest() {
  const dir = mkdtempSync(join(tmpdir(), 'linju-bench-stack-'));
  const port = await freePort();
  const child = await startStack(dir, port);
  await fetch(`http://127.0.0.1:${port}/t/xuhui/login`); // one page, so the server has done real work
  await new Promise((r) => setTimeout(r, 15_000));
  const rest = { ...treeRss(child.pid as number), parts: stackParts(child.pid as number) };
  await stopStack(child);
  rmSync(dir, { recursive: true, force: true });
  return rest;
}

/**
 * The statute library's background import of `linju start` (off at rest): the stack's resident
 * memory and the import process's own high-water mark while it runs, sampled until it is done.
 */
async function benchStatuteImportPeak() {
  const dir = mkdtempSync(join(tmpdir(), 'linju-bench-import-'));
  const port = await freePort();
  const child = await startStack(dir, port, { LINJU_STATUTES_IMPORT: 'on' });
  let stack = 0;
  let importPeak = 0;
  try {
    for (;;) {
      const importer = treeProcesses(child.pid as number).find((p) => /\bstatutes import\b/.test(p.args));
      if (!importer) break;
      stack = Math.max(stack, treeRss(child.pid as number).rss);
      importPeak = Math.max(importPeak, peakRss(importer.pid));
      await new Promise((r) => setTimeout(r, 250));
    }
  } finally {
    await stopStack(child);
    rmSync(dir, { recursive: true, force: true });
  }
  return { stack, importPeak };
}

const api = await benchApi();
process.stdout.write('\nAPI pipeline (mean per call; ratio against the baseline of this run)\n');
for (const row of api) {
  process.stdout.write(
    `  ${row.case.padEnd(44)} ${row.ms.toFixed(3).padStart(9)} ms   ×${row.ratio.toFixed(1)}\n`,
  );
}
process.stdout.write(`  peak RSS of the benchmark process: ${mb(process.resourceUsage().maxRSS * 1024)}\n`);

// The statistics dashboard on a big district (issue 8): 200,000 cases by default so the bench stays
// minutes; `--stats-cases=5000000` for the 5-million-case figure (generation alone takes minutes).
if (!process.argv.includes('--no-statistics')) {
  const size = process.argv.find((a) => a.startsWith('--stats-cases='));
  printStatistics(await benchStatistics({ cases: size ? Number(size.split('=')[1]) : 200_000 }));
}

if (!process.argv.includes('--no-referrals')) await printReferralBench();

const option = (name: string, fallback: number) => {
  const given = process.argv.find((a) => a.startsWith(`--${name}=`));
  return given ? Number(given.split('=')[1]) : fallback;
};
// Issue 4: intake over HTTP with 50 clients, and queues/search on many districts' cases.
if (!process.argv.includes('--no-intake')) {
  const districts = process.argv.some((a) => a.startsWith('--intake-districts='));
  await benchIntakeStage(option('intake-count', 2000), districts ? option('intake-districts', 1) : undefined);
}
if (!process.argv.includes('--no-search')) {
  printSearch(
    await benchSearch({
      tenants: option('search-tenants', 20),
      cases: option('search-cases', 200_000),
      iterations: option('search-iterations', 400),
      dataDir: process.argv.find((a) => a.startsWith('--search-data-dir='))?.split('=')[1],
    }),
  );
}

if (!process.argv.includes('--no-statutes')) printStatutes(await benchStatutes());

let fuzzProblems: string[] = [];
if (!process.argv.includes('--no-fuzz')) fuzzProblems = await runLongFuzzFromArgs();

if (!process.argv.includes('--no-public-site')) printPublicSite(await benchPublicSite());

if (!process.argv.includes('--no-pages')) printPages(await benchPages());

if (!process.argv.includes('--no-stack')) {
  const rest = await benchStackAtRest();
  process.stdout.write(
    `\nWhole stack at rest (statute import off): ${rest.processes} processes, ${mb(rest.rss)} resident (target ≤ ${mb(STACK_AT_REST_TARGET)})\n`,
  );
  for (const part of rest.parts)
    process.stdout.write(
      `  ${part.part.padEnd(16)} ${String(part.processes).padStart(3)} processes ${mb(part.rss).padStart(8)}\n`,
    );
}
// The statute library's first import, apart (minutes): `--statutes-import-peak`.
if (process.argv.includes('--statutes-import-peak')) {
  const { stack, importPeak } = await benchStatuteImportPeak();
  process.stdout.write(
    `\nStatute library import of linju start: import process peak ${mb(importPeak)}, whole stack peak ${mb(stack)}\n`,
  );
}

for (const problem of fuzzProblems) process.stderr.write(`✖ OpenAPI fuzz: ${problem}\n`);
if (fuzzProblems.length > 0) process.exitCode = 1;
