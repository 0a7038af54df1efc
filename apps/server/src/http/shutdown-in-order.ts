import type { Server } from 'node:http';

/** One thing to release at shutdown, named for the log line when it does not finish in time. */
export type ShutdownStep = { name: string; close: () => Promise<unknown> };

/** Settles with the promise, or after `ms` with 'overran': whatever the promise waits for. */
async function within(ms: number, work: () => Promise<unknown>): Promise<'done' | 'overran'> {
  let timer: NodeJS.Timeout | undefined;
  const overran = new Promise<'overran'>((resolve) => {
    timer = setTimeout(() => resolve('overran'), ms);
  });
  const done = Promise.resolve()
    .then(work)
    .then(
      () => 'done' as const,
      () => 'done' as const, // a failed close has released what it could: the next step still runs
    );
  try {
    return await Promise.race([done, overran]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Stops in order: the HTTP server first (no new request; those in flight finish, or are cut after
 * `drainMs`), then each step, waiting at most `stepMs` for any one. A dependency that is gone — a
 * Temporal frontend that died, a pool whose server stopped answering, a trace collector that never
 * answers — then cannot keep the process from exiting within its orchestrator's stop grace
 * (systemd's TimeoutStopSec, Kubernetes' terminationGracePeriodSeconds). Returns the names of the
 * steps that overran, for the last log line.
 */
export async function shutdownInOrder(
  server: Server,
  steps: readonly ShutdownStep[],
  { drainMs, stepMs }: { drainMs: number; stepMs: number },
): Promise<string[]> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  if ((await within(drainMs, () => closed)) === 'overran') server.closeAllConnections();
  const overran: string[] = [];
  for (const step of steps) if ((await within(stepMs, step.close)) === 'overran') overran.push(step.name);
  return overran;
}
