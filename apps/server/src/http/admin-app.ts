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

const ID_SEGMENT = /\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi;
/** Shapes remembered before starting over: bounds what a scanner's made-up paths can take. */
const REMEMBERED_SHAPES = 1000;

/**
 * The build's flat route manifest as the tree `matchRoutes` ranks, so a path finds the route React
 * Router would. `matchRoutes` flattens and ranks the whole tree on every call (~1 ms a request
 * here); no route tells ids apart, so paths that differ only in ids share one answer.
 */
export function routeTemplates(routes: ServerBuild['routes']): AdminApp['routeTemplate'] {
  const childrenOf = (parentId: string | undefined): RouteObject[] =>
    Object.values(routes)
      .filter((r) => r !== undefined && r.parentId === parentId)
      .map((r) => {
        if (r?.index) return { id: r.id, index: true, ...(r.path === undefined ? {} : { path: r.path }) };
        const children = childrenOf(r?.id);
        return { id: r?.id, ...(r?.path === undefined ? {} : { path: r.path }), children };
      });
  const tree = childrenOf(undefined);
  const templateOf = (path: string) => {
    const matches = matchRoutes(tree, path);
    if (!matches) return null;
    const joined = matches
      .map((m) => m.route.path ?? '')
      .filter(Boolean)
      .join('/');
    return `/${joined}`.replace(/\/{2,}/g, '/');
  };
  const byShape = new Map<string, string | null>();
  return (path) => {
    const shape = path.replace(ID_SEGMENT, '/:id');
    const known = byShape.get(shape);
    if (known !== undefined) return known;
    if (byShape.size >= REMEMBERED_SHAPES) byShape.clear();
    const template = templateOf(path);
    byShape.set(shape, template);
    return template;
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
