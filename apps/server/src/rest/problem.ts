/** RFC 9457 problem details, the error shape of /api and /federation. */
export const problem = (status: number, title: string, detail?: string) =>
  Response.json(
    { type: 'about:blank', title, status, ...(detail ? { detail } : {}) },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );

/** A 405 naming the methods the resource serves (RFC 9110 requires `Allow`), as a problem document. */
export function methodNotAllowed(method: string, allow: string): Response {
  const refused = problem(405, 'Method not allowed', `${method} is not served here; use ${allow}`);
  refused.headers.set('allow', allow);
  return refused;
}
