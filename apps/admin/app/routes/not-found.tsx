import { data } from 'react-router';

/**
 * Catches every URL no other route matches. Answering 404 from a route (rather than letting the
 * router fail to match) means the root loader still runs, so the error page is in the person's
 * language and its forms carry the CSRF token.
 */
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}
