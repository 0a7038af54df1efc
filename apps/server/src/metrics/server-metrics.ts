import type { PoolStats } from '@linju/db';
import { collectDefaultMetrics, Histogram, Registry, registerPoolFigures } from '@linju/metrics';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export type ServerMetrics = ReturnType<typeof createServerMetrics>;

/**
 * The server's Prometheus registry: request and procedure latency, the database pool, and Node's
 * own process figures. Labels are patterns and fixed words only, never a path, id or person.
 * Business figures that need every district's rows are the worker's (`linju_*` gauges there).
 */
export function createServerMetrics(pool: Readonly<PoolStats>) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const procedures = new Histogram({
    name: 'trpc_procedure_duration_seconds',
    help: 'tRPC procedure calls (over HTTP and from the admin app) by procedure and outcome',
    labelNames: ['procedure', 'outcome'] as const,
    registers: [registry],
  });
  registerPoolFigures(registry, pool);
  return {
    registry,
    /** A request answered; `route` is a pattern from `routeTemplate`. */
    observeRequest(method: string | undefined, route: string, status: number, seconds: number) {
      const known = method && METHODS.has(method) ? method : 'OTHER';
      requests.observe({ method: known, route, status: String(status) }, seconds);
    },
    /** A procedure finished: `outcome` is `ok` or its tRPC error code. */
    observeProcedure(procedure: string, outcome: string, seconds: number) {
      procedures.observe({ procedure, outcome }, seconds);
    },
  };
}
