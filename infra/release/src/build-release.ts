import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { NODE_FLAGS } from '../../../apps/cli/src/stack/node-flags.ts';
import { copyNodeRuntime, pinnedNodeVersion } from './node-runtime.ts';
import { pruneBundle } from './prune-bundle.ts';
import type { ReleaseArch } from './release-arch.ts';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');

/**
 * The workspace projects the server, the worker and the CLI import, copied with their folders so
 * that the bundle has the checkout's layout: Node strips types only outside `node_modules`, and
 * pnpm links these projects into `node_modules` from where they lie, as in the checkout.
 */
const WORKSPACE = [
  'apps/server',
  'apps/worker',
  'apps/cli',
  'apps/admin',
  'packages',
  'plugins',
  'infra/temporal',
  'infra/schemathesis',
];
const ROOT_FILES = ['package.json', 'pnpm-workspace.yaml', 'pnpm-lock.yaml', '.npmrc'];
const NOT_SHIPPED = new Set(['node_modules', '.react-router', '.turbo', 'build']);
const shipped = (path: string) =>
  !NOT_SHIPPED.has(basename(path)) && !/\.test\.ts$|\.tsbuildinfo$/.test(path);

/** The release's version: the root package.json's. */
export const releaseVersion = () =>
  (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

export const bundleName = (arch: ReleaseArch) => `linju-${releaseVersion()}-linux-${arch}`;

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: process.env });
  if (result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-5).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${output}`);
  }
}

/**
 * Lays out the bundle of `arch` in `<outDir>/linju-<version>-linux-<arch>/`: the built admin app,
 * the workspace's code with its production dependencies (`pnpm install --prod` from the lockfile,
 * native addons of `arch` only), the Node runtime of `arch`, `bin/linju`, the systemd units and
 * `install.sh`. Answers the folder. The admin app must have been built.
 */
export function stageRelease(arch: ReleaseArch, outDir: string): string {
  const adminBuild = join(repoRoot, 'apps', 'admin', 'build');
  if (!existsSync(join(adminBuild, 'server', 'index.js'))) {
    throw new Error('The admin app is not built: run pnpm --filter @linju/admin build first.');
  }
  const bundle = join(outDir, bundleName(arch));
  const app = join(bundle, 'app');
  rmSync(bundle, { recursive: true, force: true });
  mkdirSync(app, { recursive: true });
  for (const path of [...WORKSPACE, ...ROOT_FILES]) {
    cpSync(join(repoRoot, path), join(app, path), { recursive: true, filter: shipped });
  }
  cpSync(adminBuild, join(app, 'apps', 'admin', 'build'), { recursive: true });
  // Optional dependencies (native addons) of the target's architecture, not the build machine's.
  appendFileSync(
    join(app, 'pnpm-workspace.yaml'),
    `supportedArchitectures:\n  os: [linux]\n  cpu: [${arch}]\n  libc: [glibc]\n`,
  );
  run(
    'pnpm',
    [
      'install',
      '--prod',
      '--frozen-lockfile',
      '--prefer-offline',
      '--ignore-scripts',
      '--reporter=silent',
      '--config.confirmModulesPurge=false',
    ],
    app,
  );
  pruneBundle(app, arch);

  copyNodeRuntime(pinnedNodeVersion(repoRoot), arch, join(bundle, 'node', `linux-${arch}`));
  cpSync(join(import.meta.dirname, '..', 'bundle'), bundle, { recursive: true });
  for (const script of ['bin/linju', 'install.sh']) chmodSync(join(bundle, script), 0o755);
  writeFileSync(join(bundle, 'VERSION'), `${releaseVersion()}\n`);
  // `bin/linju` starts the server and the worker with the flags `linju start` uses.
  writeFileSync(join(bundle, 'NODE_FLAGS'), `${NODE_FLAGS.join(' ')}\n`);
  return bundle;
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Packs a staged bundle as `<outDir>/<name>.tar.gz` and rewrites `<outDir>/SHA256SUMS` for every
 * tarball there, in the format `sha256sum -c` checks. Answers the tarball's path.
 */
export function packRelease(bundle: string, outDir: string): string {
  const tarball = join(outDir, `${basename(bundle)}.tar.gz`);
  run('tar', ['-czf', tarball, '--owner=0', '--group=0', '-C', outDir, basename(bundle)], outDir);
  const sums = readdirSync(outDir)
    .filter((file) => file.endsWith('.tar.gz'))
    .sort()
    .map((file) => `${sha256(join(outDir, file))}  ${file}\n`);
  writeFileSync(join(outDir, 'SHA256SUMS'), sums.join(''));
  return tarball;
}
