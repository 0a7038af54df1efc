import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { goCommand } from '@linju/infra-temporal';

/** A tagged release; `go install` takes it from the Go module proxy. */
export const MAILPIT_VERSION = 'v1.33.1';
const MODULE = 'github.com/axllent/mailpit';

export class MailpitSetupError extends Error {
  override name = 'SetupError';
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

export const mailpitCacheDir = () =>
  join(
    process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
    'linju',
    `mailpit-${MAILPIT_VERSION.slice(1)}`,
  );

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The `mailpit` binary: `LINJU_MAILPIT` if set, the cached build, else built once with
 * `go install` into the cache (its go.mod has no `replace` lines, so no source copy is needed).
 */
export function ensureMailpit(progress: (message: string) => void = () => {}): string {
  const fromEnv = process.env.LINJU_MAILPIT;
  if (fromEnv) {
    if (!executable(fromEnv))
      throw new MailpitSetupError(
        `LINJU_MAILPIT=${fromEnv} is not an executable file.`,
        'Fix or unset LINJU_MAILPIT.',
      );
    return fromEnv;
  }
  const cacheDir = mailpitCacheDir();
  const cached = join(cacheDir, 'mailpit');
  if (executable(cached)) return cached;
  progress(`Building Mailpit from the Go module proxy into ${cacheDir} — first run only, about 3 minutes`);
  mkdirSync(cacheDir, { recursive: true });
  const build = spawnSync(goCommand() ?? 'go', ['install', `${MODULE}@${MAILPIT_VERSION}`], {
    env: { ...process.env, GOBIN: cacheDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (build.status !== 0 || !executable(cached)) {
    throw new MailpitSetupError(
      `Building Mailpit failed: ${(build.stderr ?? build.error?.message ?? '').trim().split('\n').at(-1)}`,
      'Check that Go is installed and the Go module proxy is reachable (GOPROXY); or set LINJU_MAILPIT to a built mailpit.',
    );
  }
  return cached;
}
