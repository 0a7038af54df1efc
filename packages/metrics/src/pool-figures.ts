import type { PoolStats } from '@linju/db';
import { Gauge, type Registry } from 'prom-client';

/** The database pool's figures, read at each scrape (server and worker alike). */
export function registerPoolFigures(registry: Registry, pool: Readonly<PoolStats>): void {
  const figures = {
    linju_db_pool_size: ['connections the pool may open', () => pool.max],
    linju_db_pool_transactions_active: ['transactions holding a connection', () => pool.active],
    linju_db_pool_transactions_waiting: ['transactions waiting for a free connection', () => pool.waiting],
    linju_db_pool_busy_refusals: [
      'transactions refused since start: no connection came free in time',
      () => pool.busy,
    ],
  } as const;
  for (const [name, [help, read]] of Object.entries(figures)) {
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  }
}
