import { createRequestHandler } from 'react-router';
import { type AdminLoadContext, createAdminContext } from './context.ts';

/** The server build (`build/server/index.js`) or a function returning it, as React Router takes it. */
export type AdminServerBuild = Parameters<typeof createRequestHandler>[0];

/**
 * The admin app's request handler for apps/server: `handle(request, loadContext)`.
 * React Router checks that the context is an instance of its own `RouterContextProvider` class; the
 * provider is built here with the admin app's copy of react-router, the copy the build imports, so
 * the check holds however the server's own dependencies are laid out.
 */
export function createAdminRequestHandler(
  build: AdminServerBuild,
  mode: 'production' | 'development' = 'production',
): (request: Request, loadContext: AdminLoadContext) => Promise<Response> {
  const handle = createRequestHandler(build, mode);
  return (request, loadContext) => handle(request, createAdminContext(loadContext));
}
