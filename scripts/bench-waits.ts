/**
 * What the database's sessions are doing while a benchmark runs, sampled from `pg_stat_activity`:
 * each sample counts every session inside a transaction by what it waits on (a lock, the client
 * between two statements, I/O, or nothing: on the CPU) and, for a lock, the statement waiting
 * and the table whose row it waits for. The share of samples says where the time of the
 * transactions goes (`--sample-waits` on bench-intake).
 */
import { type Queryable, sql } from '@linju/db';

type Sample = { wait: string; state: string; relation: string | null; query: string };

/** One look at every other client session not idle; a row lock's table from its tuple lock. */
const look = (db: Queryable) =>
  db.execute(sql`
    select coalesce(a.wait_event_type || ':' || a.wait_event, 'CPU') as wait, a.state,
      (select c.relname from pg_locks l join pg_class c on c.oid = l.relation
        where l.pid = a.pid and (l.locktype = 'tuple' or l.locktype = 'relation' and not l.granted)
        limit 1) as relation,
      left(regexp_replace(a.query, '\\s+', ' ', 'g'), 70) as query
    from pg_stat_activity a
    where a.backend_type = 'client backend' and a.pid <> pg_backend_pid()
      and a.state <> 'idle'`) as unknown as Promise<Sample[]>;

/** Starts sampling every `everyMs`; `stop` answers the shares, the largest first. */
export function sampleWaits(db: Queryable, everyMs = 10) {
  const counts = new Map<string, number>();
  let sessions = 0;
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await look(db);
      samples++;
      for (const r of rows) {
        sessions++;
        // A lock names the statement and the row's table; the client's turn (between statements) is one line.
        const key =
          r.state === 'idle in transaction'
            ? 'idle in transaction (the server process between two statements)'
            : r.wait.startsWith('Lock:')
              ? `${r.wait} on ${r.relation ?? '?'} — ${r.query}`
              : `${r.wait} — ${r.query.slice(0, 40)}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return {
        samples,
        averageSessions: samples > 0 ? sessions / samples : 0,
        shares: [...counts.entries()]
          .sort(([, a], [, b]) => b - a)
          .map(([what, n]) => ({ what, share: sessions > 0 ? n / sessions : 0 })),
      };
    },
  };
}

export type Waits = Awaited<ReturnType<ReturnType<typeof sampleWaits>['stop']>>;

/** The largest shares, one a line. */
export function printWaits(waits: Waits, top = 12) {
  process.stdout.write(
    `  where the sessions in a transaction were (${waits.samples} samples, ${waits.averageSessions.toFixed(1)} sessions on average):\n`,
  );
  for (const { what, share } of waits.shares.slice(0, top))
    process.stdout.write(`    ${(share * 100).toFixed(1).padStart(5)}%  ${what}\n`);
}
