import { EXCHANGE_ROUTES } from '@linju/federation';
import { matchPath } from 'react-router';
import { HSDS_API_ROUTES } from '../rest/hsds-api.ts';
import { LITIGATION_FEE_PATH } from '../rest/litigation-fee-api.ts';
import { STATUTES_API_ROUTES } from '../rest/statutes-api.ts';
import type { AdminApp } from './admin-app.ts';

/** The server's own routes outside the admin app, as the patterns metrics label them with. */
const EDGE_ROUTES = [
  '/metrics',
  '/api/v1/openapi.json',
  '/api/v1/docs',
  '/api/v1/health',
  '/api/v1/health/live',
  '/api/v1/health/ready',
  '/api/v1/catalogue/hsds',
  LITIGATION_FEE_PATH,
  ...HSDS_API_ROUTES,
  ...STATUTES_API_ROUTES,
  // The exchange's, in React Router's form (`{id}` → `:id`).
  ...Object.values(EXCHANGE_ROUTES).map((route) => route.replace(/\{(\w+)\}/g, ':$1')),
];

/**
 * The route a path is served by, as a pattern (`/t/:tenant/cases/:id`, `/trpc/:procedure`): never the
 * path itself, which carries ids, one-time tokens and whatever a scanner makes up. Paths no route
 * takes share one label per area, so the series stay few.
 */
export function routeTemplate(path: string, admin: AdminApp | null): string {
  if (path.startsWith('/trpc/')) return '/trpc/:procedure';
  const edge = EDGE_ROUTES.find((pattern) => matchPath(pattern, path));
  if (edge) return edge;
  if (path.startsWith('/api/')) return '/api/*';
  if (path.startsWith('/federation/')) return '/federation/*';
  if (path.startsWith('/.well-known/')) return '/.well-known/*';
  if (path.startsWith('/assets/')) return '/assets/*';
  return admin?.routeTemplate(path) ?? '*';
}
