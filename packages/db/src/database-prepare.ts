/**
 * Whether statements are prepared on their connection (`DATABASE_PREPARE`, default true). Behind
 * PgBouncer in transaction mode consecutive transactions run on different server connections, where
 * a statement prepared on another one does not exist: `DATABASE_PREPARE=false` turns it off.
 */
export function databasePrepare(env: Record<string, string | undefined> = process.env): boolean {
  const value = env.DATABASE_PREPARE?.trim().toLowerCase();
  if (value === undefined || value === '') return true;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`DATABASE_PREPARE must be true or false (got '${env.DATABASE_PREPARE}')`);
}
