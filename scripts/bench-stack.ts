import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

type StackProcess = { pid: number; rss: number; args: string };

/** A process and all its descendants, from `ps`: resident memory in bytes and command line. */
export function treeProcesses(pid: number): StackProcess[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => {
      const [p, pp, kb, ...args] = line.trim().split(/\s+/);
      return { pid: Number(p), ppid: Number(pp), rss: Number(kb) * 1024, args: args.join(' ') };
    });
  const members = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const { pid: p, ppid } of rows) {
      if (members.has(ppid) && !members.has(p)) {
        members.add(p);
        grew = true;
      }
    }
  }
  return rows.filter((row) => members.has(row.pid)).map(({ pid: p, rss, args }) => ({ pid: p, rss, args }));
}

/** The resident memory of a process and all its descendants. */
export function treeRss(pid: number): { processes: number; rss: number } {
  const members = treeProcesses(pid);
  return { processes: members.length, rss: members.reduce((sum, m) => sum + m.rss, 0) };
}

/** Which part of `linju start` a process is, by its command line. */
const PARTS: readonly [string, RegExp][] = [
  ['PostgreSQL', /\bpostgres\b/],
  ['Temporal', /\btemporal\b/],
  ['server', /apps\/server\/src\/main\.ts/],
  ['worker', /apps\/worker\/src\/main\.ts/],
  ['statute import', /\bstatutes import\b/],
  ['supervisor', /apps\/cli\/src\/main\.ts start/],
];

/** The stack's resident memory by part (PostgreSQL's processes summed), largest first. */
export function stackParts(pid: number): { part: string; processes: number; rss: number }[] {
  const parts = new Map<string, { processes: number; rss: number }>();
  for (const { rss, args } of treeProcesses(pid)) {
    const part = PARTS.find(([, pattern]) => pattern.test(args))?.[0] ?? 'other';
    const sum = parts.get(part) ?? { processes: 0, rss: 0 };
    parts.set(part, { processes: sum.processes + 1, rss: sum.rss + rss });
  }
  return [...parts].map(([part, sum]) => ({ part, ...sum })).sort((a, b) => b.rss - a.rss);
}

/**
 * `linju start` in a data folder on a port, resolved once it says it is running (demo seeded). The
 * statute library's background import is off unless `env` turns it on: it would run beside what a
 * stage measures (its own peak is measured apart, `statuteImportPeak`).
 */
export async function startStack(
  dataDir: string,
  port: number,
  env: NodeJS.ProcessEnv = {},
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'apps', 'cli', 'src', 'main.ts'), 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      LINJU_DATA_DIR: dataDir,
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
      LINJU_STATUTES_IMPORT: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  const deadline = Date.now() + 300_000;
  while (!output.includes('Linju is running at')) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`stack did not start:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return child;
}

/** Stops a stack as Ctrl-C would, and waits for it to be gone. */
export async function stopStack(child: ChildProcess) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGINT');
  await exited;
}
