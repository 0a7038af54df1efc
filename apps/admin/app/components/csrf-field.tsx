import { useRouteLoaderData } from 'react-router';
import type { loader as rootLoader } from '../root.tsx';

/** The hidden `csrf` field every form posts; the server compares it with its CSRF cookie. */
export function CsrfField() {
  const root = useRouteLoaderData<typeof rootLoader>('root');
  return <input type="hidden" name="csrf" value={root?.csrfToken ?? ''} />;
}
