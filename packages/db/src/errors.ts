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
