import { and, inArray, schema, sql, type TenantTx } from '@linju/db';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { CASE_QUEUES, queueConditions } from './case-queries.ts';

/**
 * Counts stop here: a section's heading says "1000 or more" rather than walking a centre's whole
 * backlog, so a count costs no more than reading one index range of that many entries.
 */
export const QUEUE_COUNT_CAP = 1000;

export const ZCaseQueueCountsRequest = z.object({
  /** The lists to count, each named by the caller: a queue and, as in `case.getMany`, statuses. */
  counts: z
    .array(
      z.object({
        key: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
        queue: z.enum(CASE_QUEUES),
        status: z.array(z.enum(schema.CASE_STATUSES)).max(8).optional(),
      }),
    )
    .min(1)
    .max(12),
});

/**
 * How many cases each asked-for list holds for the actor — the same conditions as the lists
 * (`queueConditions`), each capped at `cap` (`QUEUE_COUNT_CAP`): the counts on the Today page's sections.
 */
export async function countCaseQueues(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZCaseQueueCountsRequest>,
): Promise<{ counts: Record<string, number>; cap: number }> {
  const { counts } = ZCaseQueueCountsRequest.parse(request);
  const result: Record<string, number> = {};
  for (const { key, queue, status } of counts) {
    const conditions = await queueConditions(tx, actor, { queue });
    if (!conditions) {
      result[key] = 0;
      continue;
    }
    const capped = tx
      .select({ one: sql`1`.as('one') })
      .from(schema.legalCase)
      .where(
        and(...conditions.filters, status?.length ? inArray(schema.legalCase.status, status) : undefined),
      )
      .limit(QUEUE_COUNT_CAP)
      .as('capped');
    const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(capped);
    result[key] = row?.n ?? 0;
  }
  return { counts: result, cap: QUEUE_COUNT_CAP };
}
