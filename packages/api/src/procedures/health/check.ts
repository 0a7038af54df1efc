import { sql } from '@linju/db';
import { z } from 'zod';
import { publicProcedure } from '../../trpc.ts';

export const ZHealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.boolean(),
  temporal: z.boolean(),
});
export type HealthResponse = z.infer<typeof ZHealthResponse>;

/** Liveness of what the platform stands on: PostgreSQL (as the app role) and Temporal. */
export const check = publicProcedure.output(ZHealthResponse).query(async ({ ctx }) => {
  const database = await ctx.db
    .execute(sql`select 1`)
    .then(() => true)
    .catch(() => false);
  const temporal = await ctx.temporalHealthy().catch(() => false);
  return { status: database && temporal ? 'ok' : 'degraded', database, temporal } as const;
});
