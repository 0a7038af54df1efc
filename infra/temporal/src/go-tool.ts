import { spawnSync } from 'node:child_process';
import { accessSync, constants, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export class GoToolSetupError extends Error {
  override name = 'SetupError';
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

export const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** The executable a variable names, if it is set; refused, naming the variable, if it is no executable. */
export function executableFromEnv(variable: string): string | undefined {
  const path = process.env[variable];
  if (!path) return undefined;
  if (!executable(path)) {
    throw new GoToolSetupError(`${variable}=${path} is not an executable file.`, `Fix or unset ${variable}.`);
  }
  return path;
}

export function onPath(name: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

export type GoTool = {
  /** `go install` path of the command, e.g. `helm.sh/helm/v4/cmd/helm`. */
  pkg: string;
  /** Pinned version, without the `v`. */
  version: string;
  /** The binary `go install` makes; the cache folder is `<binary>-<version>`. */
  binary: string;
  /** How long the first build takes, for the progress line. */
  takes: string;
  /** What else the developer can do when the build fails. */
  otherwise: string;
};

/** `~/.cache/linju/<binary>-<version>`, where a Go tool is built once per machine. */
export const goToolDir = (tool: Pick<GoTool, 'binary' | 'version'>) =>
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'linju', `${tool.binary}-${tool.version}`);

/**
 * The `go` command on PATH, else the one of `GOROOT` (go.dev's archive installs to /usr/local/go, which
 * a bare shell's PATH — a service, `env -i`, cron — leaves out).
 */
export const goCommand = () => {
  const installed = join(process.env.GOROOT || '/usr/local/go', 'bin', 'go');
  return onPath('go') ?? (executable(installed) ? installed : null);
};

/**
 * The cached build of a pinned Go command, else builds it from the Go module proxy into the cache
 * (`go install`; the only network it uses). Answers the binary's path.
 */
export function ensureGoTool(tool: GoTool, progress: (message: string) => void = () => {}): string {
  const cacheDir = goToolDir(tool);
  const cached = join(cacheDir, tool.binary);
  if (executable(cached)) return cached;
  const go = goCommand();
  if (!go) {
    throw new GoToolSetupError(
      `No ${tool.binary} ${tool.version} was found and Go is not installed to build one.`,
      `Install Go 1.24+ (apt-get install golang-go, or from go.dev), or ${tool.otherwise}.`,
    );
  }
  progress(
    `Building ${tool.binary} ${tool.version} from the Go module proxy into ${cacheDir} — first run only, takes about ${tool.takes}`,
  );
  mkdirSync(cacheDir, { recursive: true });
  const build = spawnSync(go, ['install', `${tool.pkg}@v${tool.version}`], {
    env: { ...process.env, GOBIN: cacheDir, GOFLAGS: '-mod=mod' },
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (build.status !== 0 || !executable(cached)) {
    const lastLine = (build.stderr ?? '').trim().split('\n').at(-1) ?? `exit ${build.status}`;
    throw new GoToolSetupError(
      `Building ${tool.binary} failed: ${lastLine}`,
      `Check that the Go module proxy is reachable (GOPROXY) and retry; or ${tool.otherwise}.`,
    );
  }
  return cached;
}
