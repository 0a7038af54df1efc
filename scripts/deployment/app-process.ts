import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** Polls `probe` until it holds; generous by default: start-up on a loaded 2-core machine is slow. */
export async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs = 240_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const answers200 = (url: string) => () =>
  fetch(url, { signal: AbortSignal.timeout(5000) }).then((r) => r.status === 200);

/**
 * One server or worker of the deployment as a real child process (`node apps/<app>/src/main.ts`),
 * its log lines appended to `<logDir>/<name>.log`. Ready: the server's `/api/v1/health/ready`, the
 * worker's `/health/ready` (PostgreSQL, Temporal and the worker polling), asked on its own port.
 */
export class AppProcess {
  private child: ChildProcess | undefined;
  readonly name: string;
  private readonly app: 'server' | 'worker';
  private readonly env: NodeJS.ProcessEnv;
  private readonly readyUrl: string;
  private readonly logDir: string;

  constructor(
    name: string,
    app: 'server' | 'worker',
    env: NodeJS.ProcessEnv,
    readyUrl: string,
    logDir: string,
  ) {
    this.name = name;
    this.app = app;
    this.env = env;
    this.readyUrl = readyUrl;
    this.logDir = logDir;
  }

  start() {
    const log = createWriteStream(join(this.logDir, `${this.name}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [join(root, 'apps', this.app, 'src', 'main.ts')], {
      env: this.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
  }

  /** Resolves once the process answers ready; fails at once when it exits first. */
  async ready() {
    const child = this.child;
    const exited = () => child?.exitCode !== null || child.signalCode !== null;
    const log = join(this.logDir, `${this.name}.log`);
    await waitUntil(`${this.name} to be ready (log: ${log})`, async () => {
      if (exited()) return true;
      return answers200(this.readyUrl)();
    });
    if (exited())
      throw new Error(`${this.name} exited before it was ready (exit ${child?.exitCode}); log: ${log}`);
  }

  /** SIGKILL: no shutdown hook runs, in-flight requests and tasks are cut off mid-way. */
  async kill() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM and wait: the orderly stop at the end of the run. */
  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
}
