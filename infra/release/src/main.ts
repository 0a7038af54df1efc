/**
 * `npm run release [-- --arch x64|arm64]`: builds the admin app, then the offline release bundles
 * (both architectures unless one is named) into `dist/`, with `dist/SHA256SUMS`.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packRelease, repoRoot, stageRelease } from './build-release.ts';
import { RELEASE_ARCHES, type ReleaseArch } from './release-arch.ts';

const args = process.argv.slice(2);
const named = args[args.indexOf('--arch') + 1];
if (args.includes('--arch') && !(RELEASE_ARCHES as readonly string[]).includes(named ?? '')) {
  process.stderr.write(`✖ --arch takes ${RELEASE_ARCHES.join(' or ')} (got '${named ?? ''}').\n`);
  process.exit(1);
}
const arches: readonly ReleaseArch[] = named ? [named as ReleaseArch] : RELEASE_ARCHES;

process.stdout.write('▸ Building the admin app\n');
const built = spawnSync('turbo', ['run', 'build', '--filter=@linju/admin', '--output-logs=errors-only'], {
  cwd: repoRoot,
  stdio: 'inherit',
});
if (built.status !== 0) process.exit(built.status ?? 1);

const outDir = join(repoRoot, 'dist');
for (const arch of arches) {
  process.stdout.write(`▸ Bundling linux-${arch}\n`);
  const staged = stageRelease(arch, outDir);
  const tarball = packRelease(staged, outDir);
  // dist/ is the Containerfile's build context: only the tarballs and their sums belong there.
  rmSync(staged, { recursive: true });
  const mb = (statSync(tarball).size / 1024 / 1024).toFixed(1);
  process.stdout.write(`  ${tarball} (${mb} MB)\n`);
}
process.stdout.write(`  ${join(outDir, 'SHA256SUMS')}\n`);
