import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AdminLoadContext } from '@linju/admin/context';
import { createAdminRequestHandler } from '@linju/admin/request-handler';
import { matchRoutes, type RouteObject, type ServerBuild } from 'react-router';

export type { AdminLoadContext };

export type AdminApp = {
  clientDir: string;
  handle(request: Request, context: AdminLoadContext): Promise<Response>;
  /** The route pattern a path matches (`/t/:tenant/cases/:id`), null when none does: metrics' label. */
  routeTemplate(path: string): string | null;
};

/** The build's flat route manifest as the tree `matchRoutes` ranks, so a path finds the route React Router would. */
function routeTemplates(routes: ServerBuild['routes']): AdminApp['routeTemplate'] {
  const childrenOf = (parentId: string | undefined): RouteObject[] =>
    Object.values(routes)
      .filter((r) => r !== undefined && r.parentId === parentId)
      .map((r) => {
        if (r?.index) return { id: r.id, index: true, ...(r.path === undefined ? {} : { path: r.path }) };
        const children = childrenOf(r?.id);
        return { id: r?.id, ...(r?.path === undefined ? {} : { path: r.path }), children };
      });
  const tree = childrenOf(undefined);
  return (path) => {
    const matches = matchRoutes(tree, path);
    if (!matches) return null;
    const joined = matches
      .map((m) => m.route.path ?? '')
      .filter(Boolean)
      .join('/');
    return `/${joined}`.replace(/\/{2,}/g, '/');
  };
}

/** Loads the admin app's server build; null when it has not been built yet. */
export async function loadAdminApp(buildDir: string): Promise<AdminApp | null> {
  const serverEntry = join(buildDir, 'server', 'index.js');
  if (!existsSync(serverEntry)) return null;
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
  return {
    clientDir: join(buildDir, 'client'),
    handle: createAdminRequestHandler(build),
    routeTemplate: routeTemplates(build.routes),
  };
}
