import { AsyncLocalStorage } from 'node:async_hooks';
import { type Context, context } from '@opentelemetry/api';
import type { Sql, TransactionSql } from 'postgres';
import { templateText, traceQuery, traceTransaction, traceTransactionQueries } from './query-spans.ts';

/**
 * A transaction holds its pooled connection until it ends. Code inside it that asks the same pool
 * for another connection waits for one; enough such requests at once and every connection is held
 * by a transaction waiting for a free one — a deadlock PostgreSQL cannot see, and the node stops
 * answering. So asking is refused outright, in tests and in production alike.
 */
export class SecondConnectionError extends Error {
  constructor() {
    super(
      'A query asked the pool for a second connection inside a transaction of the same pool: use the ' +
        'transaction (tx) it runs in, or do the work before or after it (a pool-starvation deadlock otherwise).',
    );
    this.name = 'SecondConnectionError';
  }
}

/** No connection of the pool came free in time: the database is overloaded, try again later. */
export class PoolBusyError extends Error {
  constructor(waitedMs: number) {
    super(`No database connection came free within ${waitedMs} ms.`);
    this.name = 'PoolBusyError';
  }
}

type Holding = { pool: Sql; open: boolean };

/**
 * What the pool's transactions are doing, for `/metrics`: postgres.js exposes no pool counts, and
 * transactions are what hold connections long enough to matter.
 */
export type PoolStats = {
  /** The pool's size (`max`). */
  max: number;
  /** Transactions waiting for a free connection. */
  waiting: number;
  /** Transactions holding a connection. */
  active: number;
  /** Transactions refused with {@link PoolBusyError} since start. */
  busy: number;
};

export const newPoolStats = (max: number): PoolStats => ({ max, waiting: 0, active: 0, busy: 0 });

/** The transactions the current async context runs inside, by pool. */
const holdings = new AsyncLocalStorage<readonly Holding[]>();

function refuseInsideTransaction(pool: Sql): void {
  if (holdings.getStore()?.some((h) => h.pool === pool && h.open)) throw new SecondConnectionError();
}

/**
 * Gives up on a query still waiting for a connection after `ms` (postgres.js queues it forever).
 * A query already sent is left to `statement_timeout`. The timer only reads the query's state:
 * awaiting the query here would send it before its caller chose its result format.
 */
function boundWait<T extends { cancel(): void }>(query: T, ms: number): T {
  const timer = setTimeout(() => {
    const waiting = !(query as unknown as { state: unknown }).state;
    if (waiting) query.cancel();
  }, ms);
  timer.unref();
  return query;
}

/**
 * The pool as drizzle uses it, with two walls: no second connection inside a transaction of this
 * pool ({@link SecondConnectionError}), and no endless wait for a connection ({@link PoolBusyError}
 * for transactions; a waiting query is cancelled, SQLSTATE 57014).
 */
export function guardPool(pool: Sql, acquireTimeoutMs: number, stats = newPoolStats(0)): Sql {
  // A span per transaction (when a trace is recorded), its statements inside it.
  const begin = (...args: unknown[]) => traceTransaction((inside) => guardedBegin(inside, ...args));

  async function guardedBegin(inside: Context, ...args: unknown[]) {
    refuseInsideTransaction(pool);
    stats.waiting++;
    let entered = false;
    const fn = args.at(-1) as (tx: TransactionSql) => Promise<unknown>;
    const mode = args.length > 1 ? (args[0] as string) : '';
    const holding: Holding = { pool, open: true };
    const outer = holdings.getStore() ?? [];
    let gaveUp = false;
    let timer: NodeJS.Timeout | undefined;
    const started = pool.begin(mode, async (tx) => {
      clearTimeout(timer);
      // The caller was already told the pool is busy: roll back at once instead of working unseen.
      if (gaveUp) throw new PoolBusyError(acquireTimeoutMs);
      entered = true;
      stats.waiting--;
      stats.active++;
      try {
        return await context.with(inside, () =>
          holdings.run([...outer, holding], () => fn(traceTransactionQueries(tx))),
        );
      } finally {
        stats.active--;
      }
    });
    const tooLate = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        gaveUp = true;
        stats.busy++;
        reject(new PoolBusyError(acquireTimeoutMs));
      }, acquireTimeoutMs);
      timer.unref();
    });
    started.catch(() => {});
    try {
      return await Promise.race([started, tooLate]);
    } finally {
      clearTimeout(timer);
      holding.open = false;
      if (!entered) stats.waiting--;
    }
  }

  return new Proxy(pool, {
    // `sql\`…\`` as a tagged template sends a query; `sql(name)` only builds an identifier.
    apply(target, self, args: unknown[]) {
      const [strings] = args;
      if (!Array.isArray((strings as { raw?: unknown })?.raw)) return Reflect.apply(target, self, args);
      refuseInsideTransaction(pool);
      const query = boundWait(Reflect.apply(target, self, args), acquireTimeoutMs);
      return traceQuery(query, templateText(strings as TemplateStringsArray));
    },
    get(target, property, receiver) {
      if (property === 'begin') return begin;
      if (property === 'unsafe') {
        return (...args: Parameters<Sql['unsafe']>) => {
          refuseInsideTransaction(pool);
          return traceQuery(boundWait(target.unsafe(...args), acquireTimeoutMs), args[0]);
        };
      }
      if (property === 'reserve') {
        return () => {
          refuseInsideTransaction(pool);
          return target.reserve();
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
