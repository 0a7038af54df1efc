import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Later tags carry a `replace` directive that `go install` refuses (STACK-NOTES.md). */
export const TEMPORAL_CLI_VERSION = '1.5.1';

export class TemporalSetupError extends Error {
  override name = 'SetupError';
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

export const temporalCacheDir = () =>
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'linju', `temporal-${TEMPORAL_CLI_VERSION}`);

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

function onPath(name: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/**
 * Finds the Temporal CLI, in this order: `TEMPORAL_CLI`, `temporal` on PATH, the cached build,
 * else builds it from the Go module proxy into the cache (minutes, once per machine).
 */
export function ensureTemporalCli(progress: (message: string) => void = () => {}): string {
  const fromEnv = process.env.TEMPORAL_CLI;
  if (fromEnv) {
    if (!executable(fromEnv)) {
      throw new TemporalSetupError(
        `TEMPORAL_CLI=${fromEnv} is not an executable file.`,
        'Fix or unset TEMPORAL_CLI.',
      );
    }
    return fromEnv;
  }
  const path = onPath('temporal');
  if (path) return path;
  const cacheDir = temporalCacheDir();
  const cached = join(cacheDir, 'temporal');
  if (executable(cached)) return cached;

  const go = onPath('go');
  if (!go) {
    throw new TemporalSetupError(
      'No Temporal CLI was found and Go is not installed to build one.',
      `Install Go 1.24+ (apt-get install golang-go, or from go.dev), or put a temporal ${TEMPORAL_CLI_VERSION} binary on PATH or in TEMPORAL_CLI.`,
    );
  }
  progress(
    `Building the Temporal CLI ${TEMPORAL_CLI_VERSION} from the Go module proxy into ${cacheDir} — first run only, takes about 4 minutes`,
  );
  mkdirSync(cacheDir, { recursive: true });
  const build = spawnSync(
    go,
    ['install', `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`],
    {
      env: { ...process.env, GOBIN: cacheDir, GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'inherit', 'pipe'],
      encoding: 'utf8',
    },
  );
  if (build.status !== 0 || !executable(cached)) {
    const lastLine = (build.stderr ?? '').trim().split('\n').at(-1) ?? `exit ${build.status}`;
    throw new TemporalSetupError(
      `Building the Temporal CLI failed: ${lastLine}`,
      'Check that the Go module proxy is reachable (GOPROXY) and retry; or set TEMPORAL_CLI to a built binary.',
    );
  }
  return cached;
}
