import type { Registry } from 'prom-client';
import type { MetricsAccess } from './metrics-access.ts';

/**
 * The answer to `GET /metrics`: the registry in Prometheus text format, plus `extra` text from
 * another exporter (the Temporal SDK runtime's), or 401 when the caller may not read it.
 */
export async function metricsResponse(
  registry: Registry,
  access: MetricsAccess,
  request: { authorization: string | null; peer: string | undefined },
  extra?: () => Promise<string>,
): Promise<Response> {
  if (!access(request)) {
    return new Response(
      'Metrics need the bearer token of LINJU_METRICS_TOKEN or an address in LINJU_METRICS_ALLOW.\n',
      {
        status: 401,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'www-authenticate': 'Bearer realm="metrics"',
        },
      },
    );
  }
  const own = await registry.metrics();
  const more = extra ? await extra() : '';
  return new Response(more ? `${own}\n${more}` : own, {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}
