import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppCaller } from '@linju/api';
import {
  createRequestHandler,
  type RouterContext,
  RouterContextProvider,
  type ServerBuild,
} from 'react-router';

/** What the admin app's loaders and actions receive (the admin declares the same shape). */
export type AdminLoadContext = {
  caller: AppCaller;
  requestId: string;
  locale: 'zh-CN' | 'en';
  csrfToken: string;
  sessionCookie: { serialize(token: string, expiresAt: Date): string; clear(): string };
};

export type AdminApp = {
  clientDir: string;
  handle(request: Request, context: AdminLoadContext): Promise<Response>;
};

/**
 * Loads the admin app's server build. Its entry exports the context key (`adminContext`) so the
 * value set here is the one its loaders read: the server and the bundle share no module instance.
 */
export async function loadAdminApp(buildDir: string): Promise<AdminApp | null> {
  const serverEntry = join(buildDir, 'server', 'index.js');
  if (!existsSync(serverEntry)) return null;
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
  const key = (build.entry.module as { adminContext?: RouterContext<AdminLoadContext> }).adminContext;
  if (!key) throw new Error(`${serverEntry} does not export adminContext from its entry.server`);
  const handler = createRequestHandler(build, 'production');
  return {
    clientDir: join(buildDir, 'client'),
    handle: (request, context) => handler(request, new RouterContextProvider(new Map([[key, context]]))),
  };
}
