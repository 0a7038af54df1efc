import { spawnSync } from 'node:child_process';
import { accessSync, constants, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export class PipToolSetupError extends Error {
  override name = 'SetupError';
  readonly hint: string;
  constructor(message: string, hint: string) {
    super(message);
    this.hint = hint;
  }
}

/** `~/.cache/linju/<name>-<version>`: the virtual environment of one pinned PyPI tool. */
export const pipToolDir = (name: string, version: string) =>
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'linju', `${name}-${version}`);

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
function ensureVenvModule(purpose: string, progress: (message: string) => void) {
  if (sh('python3 -m venv --help').status === 0 && sh('python3 -c "import ensurepip"').status === 0) return;
  if (process.getuid?.() !== 0) {
    throw new PipToolSetupError(
      `Python 3 with its venv module is needed for ${purpose}.`,
      'Install it: sudo apt-get install -y python3-venv',
    );
  }
  progress(`Installing Debian’s python3-venv for ${purpose} (once)`);
  const installed = sh(
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null',
  );
  if (installed.status !== 0) {
    throw new PipToolSetupError(
      `Installing python3-venv failed: ${installed.stderr.trim().split('\n').at(-1)}`,
      'Install it by hand: apt-get install -y python3-venv',
    );
  }
}

export type PipTool = {
  /** The PyPI package, pinned to `version`. */
  name: string;
  version: string;
  /** The command it installs into the environment's `bin/`. */
  command: string;
  /** What it is for, in progress and error messages. */
  purpose: string;
  /** Pinned requirements to install instead of `name==version` (a tool that is not itself on PyPI). */
  requirements?: readonly string[];
};

/**
 * The command of a pinned PyPI tool, in a virtual environment of its own under `~/.cache/linju/`:
 * created once with `python3 -m venv` and installed with pip (the only network it uses). Answers
 * the command's path.
 */
export function ensurePipTool(tool: PipTool, progress: (message: string) => void = () => {}): string {
  const dir = pipToolDir(tool.name, tool.version);
  const command = join(dir, 'bin', tool.command);
  if (executable(command)) return command;
  ensureVenvModule(tool.purpose, progress);
  progress(`Installing ${tool.name} ${tool.version} from PyPI into ${dir} (once)`);
  rmSync(dir, { recursive: true, force: true });
  const created = spawnSync('python3', ['-m', 'venv', dir], { encoding: 'utf8' });
  const installed =
    created.status === 0
      ? spawnSync(
          join(dir, 'bin', 'pip'),
          [
            'install',
            '--quiet',
            '--disable-pip-version-check',
            ...(tool.requirements ?? [`${tool.name}==${tool.version}`]),
          ],
          { encoding: 'utf8' },
        )
      : created;
  if (installed.status !== 0 || !executable(command)) {
    // Half an environment would be taken for a whole one next time.
    rmSync(dir, { recursive: true, force: true });
    const lastLine = (installed.stderr ?? '').trim().split('\n').at(-1) ?? `exit ${installed.status}`;
    throw new PipToolSetupError(
      `Installing ${tool.name} failed: ${lastLine}`,
      'Check that PyPI is reachable (pip’s index settings) and retry.',
    );
  }
  return command;
}
