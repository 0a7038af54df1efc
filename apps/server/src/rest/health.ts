import type { HealthResponse } from '@linju/api';

/** Liveness: the process answers. Nothing it depends on is asked, so a slow database restarts nothing. */
export const livenessResponse = () => Response.json({ status: 'live' });

/**
 * Readiness for a load balancer: ready while PostgreSQL answers. Temporal down does not take the
 * server out: the admin app keeps working and new referrals wait in the database until the worker's
 * reconciler starts them (`referrals: 'queued'`).
 */
export function readinessResponse(health: HealthResponse): Response {
  const body = {
    status: health.database ? 'ready' : 'not-ready',
    database: health.database ? 'up' : 'down',
    temporal: health.temporal ? 'up' : 'down',
    referrals: health.temporal ? 'flowing' : 'queued',
  } as const;
  return Response.json(body, {
    status: health.database ? 200 : 503,
    headers: health.database ? {} : { 'retry-after': '5' },
  });
}
