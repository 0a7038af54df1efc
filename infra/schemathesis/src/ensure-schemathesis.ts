import { spawnSync } from 'node:child_process';
import { accessSync, constants, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Pinned: a new release may add checks or change what a run reports. */
export const SCHEMATHESIS_VERSION = '4.32.5';

export class SchemathesisSetupError extends Error {
  override name = 'SetupError';
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

export const schemathesisDir = () =>
  join(
    process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'),
    'linju',
    `schemathesis-${SCHEMATHESIS_VERSION}`,
  );

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const sh = (script: string) => spawnSync('sh', ['-c', script], { encoding: 'utf8' });

/**
 * Debian's python3 ships without `venv` (and `ensurepip`), and a minimal image without python3; as
 * root, `python3-venv` (which brings python3) is installed.
 */
function ensureVenvModule(progress: (message: string) => void) {
  if (sh('python3 -m venv --help').status === 0 && sh('python3 -c "import ensurepip"').status === 0) return;
  if (process.getuid?.() !== 0) {
    throw new SchemathesisSetupError(
      'Python 3 with its venv module is needed for the OpenAPI fuzz tests (schemathesis).',
      'Install it: sudo apt-get install -y python3-venv',
    );
  }
  progress('Installing Debian’s python3-venv for schemathesis (once)');
  const installed = sh(
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null',
  );
  if (installed.status !== 0) {
    throw new SchemathesisSetupError(
      `Installing python3-venv failed: ${installed.stderr.trim().split('\n').at(-1)}`,
      'Install it by hand: apt-get install -y python3-venv',
    );
  }
}

/**
 * The `st` command of schemathesis {@link SCHEMATHESIS_VERSION}, in a virtual environment of its
 * own under `~/.cache/linju/`: created once with `python3 -m venv` and installed from PyPI with
 * pip (the only network it uses). Answers the path of `st`.
 */
export function ensureSchemathesis(progress: (message: string) => void = () => {}): string {
  const dir = schemathesisDir();
  const st = join(dir, 'bin', 'st');
  if (executable(st)) return st;
  ensureVenvModule(progress);
  progress(`Installing schemathesis ${SCHEMATHESIS_VERSION} from PyPI into ${dir} (once)`);
  rmSync(dir, { recursive: true, force: true });
  const created = spawnSync('python3', ['-m', 'venv', dir], { encoding: 'utf8' });
  const installed =
    created.status === 0
      ? spawnSync(
          join(dir, 'bin', 'pip'),
          ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
          { encoding: 'utf8' },
        )
      : created;
  if (installed.status !== 0 || !executable(st)) {
    // Half an environment would be taken for a whole one next time.
    rmSync(dir, { recursive: true, force: true });
    const lastLine = (installed.stderr ?? '').trim().split('\n').at(-1) ?? `exit ${installed.status}`;
    throw new SchemathesisSetupError(
      `Installing schemathesis failed: ${lastLine}`,
      'Check that PyPI is reachable (pip’s index settings) and retry.',
    );
  }
  return st;
}
