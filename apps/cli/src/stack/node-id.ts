import { defaultNodeId } from '@linju/federation';

/**
 * This node's id as the server and the worker will derive it from the same environment
 * (`LINJU_NODE_ID`, else the host and port of `LINJU_PUBLIC_URL` or `http://localhost:$PORT`):
 * what the seed writes where a setting means "this node".
 */
export function stackNodeId(env: Record<string, string | undefined> = process.env): string {
  const configured = env.LINJU_NODE_ID?.trim();
  if (configured) return configured;
  return defaultNodeId(stackPublicUrl(env));
}

/** The URL browsers reach, as the server derives it: `LINJU_PUBLIC_URL`, else `http://localhost:$PORT`. */
export const stackPublicUrl = (env: Record<string, string | undefined> = process.env): string =>
  (env.LINJU_PUBLIC_URL?.trim() || `http://localhost:${env.PORT?.trim() || '3000'}`).replace(/\/+$/, '');
