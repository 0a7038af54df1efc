/** RFC 9457 problem details, the error shape of /api and /federation. */
export const problem = (status: number, title: string, detail?: string) =>
  Response.json(
    { type: 'about:blank', title, status, ...(detail ? { detail } : {}) },
    { status, headers: { 'content-type': 'application/problem+json' } },
  );
