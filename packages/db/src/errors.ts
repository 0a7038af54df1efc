import { PoolBusyError } from './pool-guard.ts';

/** drizzle wraps driver errors ("Failed query: …"); the PostgreSQL error is its `cause`. */
export function postgresError(
  error: unknown,
): { code?: string; constraint_name?: string; message: string } | null {
  let current: unknown = error;
  while (current && typeof current === 'object') {
    if (
      'code' in current &&
      typeof (current as { code: unknown }).code === 'string' &&
      'severity' in current
    ) {
      return current as unknown as { code?: string; constraint_name?: string; message: string };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export const isUniqueViolation = (error: unknown, constraint?: string) => {
  const pg = postgresError(error);
  return pg?.code === '23505' && (!constraint || pg.constraint_name === constraint);
};

/**
 * The database gave up on the work in time: a statement over `statement_timeout` or cancelled
 * while waiting for a connection (57014), no connection came free ({@link PoolBusyError}), or the
 * server ended the session — a transaction idle too long (25P03; postgres.js mostly sees only the
 * closed connection). Callers answer "busy, try again" rather than an internal error.
 */
export const isDatabaseTimeout = (error: unknown): boolean => {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (
      current instanceof PoolBusyError ||
      code === '57014' ||
      code === '25P03' ||
      code === 'CONNECTION_CLOSED'
    )
      return true;
  }
  return false;
};
