import { useRouteLoaderData } from 'react-router';
import type { loader } from '../routes/tenant-app.tsx';

/** The signed-in shell's data (district, person, sections) for the pages inside it. */
export function useTenantShell() {
  const shell = useRouteLoaderData<typeof loader>('routes/tenant-app');
  if (!shell) throw new Error('useTenantShell is only for pages inside routes/tenant-app');
  return shell;
}
