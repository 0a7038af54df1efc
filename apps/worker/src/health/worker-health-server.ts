import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type Database, sql } from '@linju/db';
import { type MetricsAccess, metricsResponse, type Registry } from '@linju/metrics';

export type WorkerHealthDeps = {
  db: Database;
  /** Is Temporal's frontend serving? (`temporalHealth` of `@linju/workflows`) */
  temporalHealthy: () => Promise<boolean>;
  /** The worker's own state: `RUNNING` while it polls; `FAILED` means the process should be restarted. */
  workerState: () => string;
  figures: Registry;
  access: MetricsAccess;
  /** The Temporal SDK runtime's Prometheus exporter, on loopback; its text is appended to `/metrics`. */
  temporalMetricsUrl?: string;
};

const json = (status: number, body: object) =>
  Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

/**
 * The worker's own small HTTP surface for orchestrators and Prometheus: `/health/live` (the worker
 * has not failed), `/health/ready` (it polls, and PostgreSQL and Temporal answer), `/metrics`.
 */
export function workerHealthHandler(deps: WorkerHealthDeps) {
  async function temporalMetrics(): Promise<string> {
    if (!deps.temporalMetricsUrl) return '';
    try {
      const answer = await fetch(deps.temporalMetricsUrl, { signal: AbortSignal.timeout(2000) });
      return answer.ok ? await answer.text() : '';
    } catch {
      return ''; // the worker's own figures still answer
    }
  }

  return async (
    path: string,
    method: string,
    request: { authorization: string | null; peer: string | undefined },
  ) => {
    if (method !== 'GET' && method !== 'HEAD') return json(405, { error: 'only GET' });
    if (path === '/health/live') {
      const state = deps.workerState();
      return json(state === 'FAILED' ? 503 : 200, {
        status: state === 'FAILED' ? 'failed' : 'live',
        worker: state,
      });
    }
    if (path === '/health/ready') {
      const [database, temporal] = await Promise.all([
        deps.db
          .execute(sql`select 1`)
          .then(() => true)
          .catch(() => false),
        deps.temporalHealthy().catch(() => false),
      ]);
      const worker = deps.workerState();
      const ready = database && temporal && worker === 'RUNNING';
      return json(ready ? 200 : 503, {
        status: ready ? 'ready' : 'not-ready',
        worker,
        database: database ? 'up' : 'down',
        temporal: temporal ? 'up' : 'down',
      });
    }
    if (path === '/metrics') return metricsResponse(deps.figures, deps.access, request, temporalMetrics);
    return json(404, { error: `no route ${path}` });
  };
}

async function send(res: ServerResponse, response: Response, head: boolean) {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(head ? undefined : Buffer.from(await response.arrayBuffer()));
}

/** Listens on `port` (0: any free one) and `host`; resolves with the port once listening. */
export async function startWorkerHealthServer(
  deps: WorkerHealthDeps,
  options: { port: number; host: string },
): Promise<{ port: number; close: () => Promise<void> }> {
  const handle = workerHealthHandler(deps);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = URL.parse(req.url ?? '/', 'http://x')?.pathname ?? '/';
    handle(path, req.method ?? 'GET', {
      authorization: req.headers.authorization ?? null,
      peer: req.socket.remoteAddress,
    })
      .then((response) => send(res, response, req.method === 'HEAD'))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
