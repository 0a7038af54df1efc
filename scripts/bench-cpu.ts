import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time the node's processes spent, by process: this one (the API caller) and each it
 * started — server, worker, the Temporal dev server, PostgreSQL with its backends (those that
 * ended are in their parent's children's time). From /proc, so other work on a shared machine is
 * not counted. `names` labels the children this script started itself; others go by their name.
 */
export function nodeCpuMs(names: ReadonlyMap<number, string> = new Map()): Map<string, number> {
  const root = process.pid;
  const parents = new Map<number, number>();
  const times = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // ended meanwhile
    }
    // Fields after the command name (which may hold spaces): state, ppid, … utime (14), stime, cutime, cstime.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    parents.set(Number(entry), Number(fields[1]));
    times.set(
      Number(entry),
      [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0),
    );
  }
  const byProcess = new Map<string, number>();
  for (const [pid, ticks] of times) {
    // The child of this process that `pid` descends from (or this process itself).
    let top = pid;
    while (top !== root && parents.get(top) !== root) {
      const parent = parents.get(top);
      if (parent === undefined || parent <= 1) break;
      top = parent;
    }
    if (top !== root && parents.get(top) !== root) continue; // not ours
    const name = top === root ? 'API caller' : (names.get(top) ?? commOf(top));
    byProcess.set(name, (byProcess.get(name) ?? 0) + (ticks * 1000) / 100); // USER_HZ is 100 on Linux
  }
  return byProcess;
}

const commOf = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return String(pid);
  }
};

/**
 * CPU per item between two readings: in all and by process, of the processes doing its work
 * (`idle` names those that only wait meanwhile: the floor's worker during the referrals, the
 * node's server, worker and database during the floor's lives).
 */
export function cpuPerItem(
  before: Map<string, number>,
  after: Map<string, number>,
  items: number,
  idle: readonly string[],
) {
  const byProcess: Record<string, number> = {};
  for (const [name, ms] of after) {
    if (!idle.includes(name)) byProcess[name] = (ms - (before.get(name) ?? 0)) / items;
  }
  return { total: Object.values(byProcess).reduce((a, b) => a + b, 0), byProcess };
}
