import { spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { goCommand } from '@linju/infra-temporal';

/** A pseudo-version the Go module proxy serves (no tagged release is a Go module). */
export const SEAWEEDFS_VERSION = 'v0.0.0-20261109003541-7506e5f91cd6';
const MODULE = 'github.com/seaweedfs/seaweedfs';

export class SeaweedSetupError extends Error {
  override name = 'SetupError';
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

export const seaweedCacheDir = () =>
  join(
    process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
    'linju',
    `seaweedfs-${SEAWEEDFS_VERSION.split('-')[1]}`,
  );

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const run = (cmd: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) =>
  spawnSync(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });

/**
 * The `weed` binary (SeaweedFS: the S3-compatible server the document store's S3 tests run
 * against): `LINJU_WEED` if set, the cached build, else built once from the Go module proxy.
 * `go install` refuses the module (its go.mod has `replace` lines), so its source is downloaded,
 * copied out of the read-only module cache and built there — about 10 minutes on 2 cores, once.
 */
export function ensureWeed(progress: (message: string) => void = () => {}): string {
  const fromEnv = process.env.LINJU_WEED;
  if (fromEnv) {
    if (!executable(fromEnv))
      throw new SeaweedSetupError(
        `LINJU_WEED=${fromEnv} is not an executable file.`,
        'Fix or unset LINJU_WEED.',
      );
    return fromEnv;
  }
  const cacheDir = seaweedCacheDir();
  const cached = join(cacheDir, 'weed');
  if (executable(cached)) return cached;
  progress(
    `Building SeaweedFS (weed) from the Go module proxy into ${cacheDir} — first run only, about 10 minutes`,
  );
  const env = { ...process.env, GOFLAGS: '-mod=mod' };
  const go = goCommand() ?? 'go';
  const download = run(go, ['mod', 'download', '-json', `${MODULE}@${SEAWEEDFS_VERSION}`], { env });
  const moduleDir = /"Dir":\s*"([^"]+)"/.exec(download.stdout ?? '')?.[1];
  if (download.status !== 0 || !moduleDir) {
    throw new SeaweedSetupError(
      `Downloading ${MODULE}@${SEAWEEDFS_VERSION} failed: ${(download.stderr ?? '').trim().split('\n').at(-1)}`,
      'Check that Go is installed and the Go module proxy is reachable (GOPROXY); or set LINJU_WEED to a built weed.',
    );
  }
  const source = mkdtempSync(join(tmpdir(), 'linju-seaweedfs-'));
  try {
    cpSync(moduleDir, source, { recursive: true, mode: constants.COPYFILE_FICLONE });
    run('chmod', ['-R', 'u+w', source]);
    mkdirSync(cacheDir, { recursive: true });
    const build = run(go, ['build', '-o', cached, './weed'], { cwd: source, env });
    if (build.status !== 0 || !executable(cached)) {
      throw new SeaweedSetupError(
        `Building SeaweedFS failed: ${(build.stderr ?? '').trim().split('\n').at(-1)}`,
        'Retry; or set LINJU_WEED to a built weed binary.',
      );
    }
  } finally {
    rmSync(source, { recursive: true, force: true });
  }
  return cached;
}
