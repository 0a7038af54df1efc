/**
 * `npm test`: everything the project checks, in order — the browser, the Temporal CLI and test server,
 * SeaweedFS (the document store's S3 tests), schemathesis (the OpenAPI fuzz tests), helm and kubernetes-validate (the
 * chart's test) it needs, the admin build, typecheck, lint, the dependency rules, then every
 * vitest project (unit, integration against real PostgreSQL and Temporal, browser in Debian's
 * Chromium). Ends with vitest's summary line.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureHelm, ensureKubernetesValidate } from '@linju/infra-helm';
import { ensureMailpit } from '@linju/infra-mailpit';
import { ensureSchemathesis } from '@linju/infra-schemathesis';
import { ensureWeed } from '@linju/infra-seaweedfs';
import { ensureTemporalCli, ensureTemporalTestServer, temporalTestServerDir } from '@linju/infra-temporal';

const root = join(import.meta.dirname, '..');
const CHROMIUM = process.env.LINJU_CHROMIUM ?? '/usr/bin/chromium';

function run(title: string, command: string, args: string[]) {
  process.stdout.write(`\n▸ ${title}\n`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) {
    process.stderr.write(`✖ ${title} failed (exit ${result.status ?? result.signal}).\n`);
    process.exit(result.status ?? 1);
  }
}

if (!existsSync(CHROMIUM)) {
  if (process.getuid?.() !== 0) {
    process.stderr.write(
      `✖ Chromium is missing at ${CHROMIUM}.\n  → Install Debian's package: sudo apt-get install -y chromium\n`,
    );
    process.exit(1);
  }
  run('Installing Debian’s Chromium for the browser tests (once)', 'sh', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null',
  ]);
}

// PgBouncer in transaction mode, for the test of the setting a deployment behind it uses (DATABASE_PREPARE).
const PGBOUNCER = '/usr/sbin/pgbouncer';
if (!existsSync(PGBOUNCER)) {
  if (process.getuid?.() !== 0) {
    process.stderr.write(
      `✖ PgBouncer is missing at ${PGBOUNCER}.\n  → Install Debian's package: sudo apt-get install -y pgbouncer\n`,
    );
    process.exit(1);
  }
  run('Installing Debian’s PgBouncer for the integration tests (once)', 'sh', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pgbouncer >/dev/null',
  ]);
}

process.stdout.write('\n▸ Temporal CLI for the integration tests\n');
process.stdout.write(`  ${ensureTemporalCli((m) => process.stdout.write(`  ${m}\n`))}\n`);

// The time-skipping test server (deadline tests) is Java, fetched by Maven from Maven Central.
const testServerFetched =
  process.env.TEMPORAL_TEST_SERVER || existsSync(join(temporalTestServerDir(), 'temporal-test-server'));
if (!testServerFetched && spawnSync('sh', ['-c', 'command -v mvn']).status !== 0) {
  if (process.getuid?.() !== 0) {
    process.stderr.write(
      "✖ Maven is missing (it fetches Temporal's test server).\n  → Install Debian's package: sudo apt-get install -y maven\n",
    );
    process.exit(1);
  }
  run('Installing Debian’s Maven (and Java) for Temporal’s test server (once)', 'sh', [
    '-c',
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >/dev/null',
  ]);
}
process.stdout.write('\n▸ Temporal test server (time skipping) for the deadline tests\n');
process.stdout.write(`  ${ensureTemporalTestServer((m) => process.stdout.write(`  ${m}\n`))}\n`);

process.stdout.write('\n▸ SeaweedFS for the S3 document store tests\n');
process.stdout.write(`  ${ensureWeed((m) => process.stdout.write(`  ${m}\n`))}\n`);

process.stdout.write('\n▸ Mailpit for the e-mail adapter tests\n');
process.stdout.write(`  ${ensureMailpit((m) => process.stdout.write(`  ${m}\n`))}\n`);

process.stdout.write('\n▸ schemathesis for the OpenAPI fuzz tests\n');
process.stdout.write(`  ${ensureSchemathesis((m) => process.stdout.write(`  ${m}\n`))}\n`);

process.stdout.write('\n▸ helm and kubernetes-validate for the Helm chart’s test\n');
process.stdout.write(`  ${ensureHelm((m) => process.stdout.write(`  ${m}\n`))}\n`);
process.stdout.write(`  ${ensureKubernetesValidate((m) => process.stdout.write(`  ${m}\n`))}\n`);

run('Building the admin app', 'turbo', [
  'run',
  'build',
  '--filter=@linju/admin',
  '--output-logs=errors-only',
]);
run('Typecheck (every package, strict)', 'turbo', ['run', 'typecheck', '--output-logs=errors-only']);
run('Lint and format (Biome)', 'biome', ['check', '.']);
run('Dependency rules (dependency-cruiser, README.md’s arrows)', 'depcruise', [
  'apps',
  'packages',
  'plugins',
  '--config',
  '.dependency-cruiser.mjs',
]);

mkdirSync(join(root, '.data'), { recursive: true });
const vitest = spawnSync(
  'vitest',
  [
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=.data/test-results.json',
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: 'inherit' },
);

/**
 * vitest's exit status alone is not enough: a file whose `beforeAll` throws in the integration
 * project (its tests reported skipped) has been seen to exit 0. The report decides: a failed file,
 * a failed test, or a skipped or todo test — a failing test someone hid — fails `npm test`.
 */
const reportFile = join(root, '.data', 'test-results.json');
const report = existsSync(reportFile)
  ? (JSON.parse(readFileSync(reportFile, 'utf8')) as {
      numFailedTestSuites: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    })
  : undefined;
const problems = report
  ? [
      [report.numFailedTestSuites, 'test files failed'],
      [report.numFailedTests, 'tests failed'],
      [report.numPendingTests, 'tests were skipped'],
      [report.numTodoTests, 'tests are only todo'],
    ].filter(([count]) => Number(count) > 0)
  : [[1, 'no test report was written']];
for (const [count, what] of problems) process.stderr.write(`✖ ${count} ${what}.\n`);
process.exit(problems.length > 0 ? 1 : (vitest.status ?? 1));
