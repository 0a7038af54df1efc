import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** The resident memory of a process and all its descendants, from `ps`. */
export function treeRss(pid: number): { processes: number; rss: number } {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const members = new Set([pid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [p, pp] of rows) {
      if (members.has(pp) && !members.has(p)) {
        members.add(p);
        grew = true;
      }
    }
  }
  const rss = rows.filter(([p]) => members.has(p)).reduce((sum, [, , kb]) => sum + kb * 1024, 0);
  return { processes: members.size, rss };
}

/** `linju start` in a data folder on a port, resolved once it says it is running (demo seeded). */
export async function startStack(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(root, 'apps', 'cli', 'src', 'main.ts'), 'start'], {
    env: {
      ...process.env,
      PORT: String(port),
      LINJU_DATA_DIR: dataDir,
      DATABASE_URL: '',
      TEMPORAL_ADDRESS: '',
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
