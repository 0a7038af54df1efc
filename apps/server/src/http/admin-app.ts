import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AdminLoadContext } from '@linju/admin/context';
import { createAdminRequestHandler } from '@linju/admin/request-handler';
import type { ServerBuild } from 'react-router';

export type { AdminLoadContext };

export type AdminApp = {
  clientDir: string;
  handle(request: Request, context: AdminLoadContext): Promise<Response>;
};

/** Loads the admin app's server build; null when it has not been built yet. */
export async function loadAdminApp(buildDir: string): Promise<AdminApp | null> {
  const serverEntry = join(buildDir, 'server', 'index.js');
  if (!existsSync(serverEntry)) return null;
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild;
  return { clientDir: join(buildDir, 'client'), handle: createAdminRequestHandler(build) };
}
