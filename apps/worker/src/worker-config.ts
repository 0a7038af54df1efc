export type WorkerConfig = { temporalAddress: string; namespace: string; databaseUrl: string };

/** Reads the worker's settings from the environment; only the database URL has no default. */
export function readWorkerConfig(env: Record<string, string | undefined>): WorkerConfig {
  const databaseUrl = env.DATABASE_APP_URL?.trim();
  if (!databaseUrl) {
    throw new Error(
      'DATABASE_APP_URL is not set: give the worker the application role URL (subject to RLS).',
    );
  }
  return {
    temporalAddress: env.TEMPORAL_ADDRESS?.trim() || '127.0.0.1:7233',
    namespace: env.TEMPORAL_NAMESPACE?.trim() || 'default',
    databaseUrl,
  };
}
