import {
  and,
  asc,
  type Database,
  eq,
  inArray,
  isNull,
  lt,
  schema,
  sql,
  type TenantTx,
  withTenant,
} from '@linju/db';
import type { ReferralStart } from './referral-service.ts';

/** An incoming referral's start (the receiving side's workflow begins at `received`). */
export type ReceivedReferralStart = {
  tenantId: string;
  referralId: string;
  from: string;
  to: string;
  kind: string;
  dueBy: string;
};

/**
 * Notes that a referral's workflow is started (or was found started): the reconciler stops
 * looking at it. Called after the start, in a transaction of its own, which does not wait for its
 * commit to reach the disk: a mark lost in a crash only makes the reconciler start the referral
 * again, a no-op, while the wait would be on every send's path.
 */
export async function markReferralWorkflowStarted(
  tx: TenantTx,
  referralIds: readonly string[],
  at: Date = new Date(),
): Promise<void> {
  if (referralIds.length === 0) return;
  await tx.execute(sql`select set_config('synchronous_commit', 'off', true)`);
  await tx
    .update(schema.referral)
    .set({ workflowStartedAt: at })
    .where(and(inArray(schema.referral.id, [...referralIds]), isNull(schema.referral.workflowStartedAt)));
}

type MarkBatch = { ids: string[]; written: Promise<void> };
type TenantMarks = { queued?: MarkBatch; writing?: Promise<void> };
const marksByDatabase = new WeakMap<Database, Map<string, TenantMarks>>();

/**
 * {@link markReferralWorkflowStarted} for one referral, its own transaction shared with the
 * tenant's other sends of the moment: a mark asked for while one is being written waits for it
 * and goes with the next batch, so a burst of sends writes a few batches, not a transaction each.
 * A send alone is written at once. Resolves once its batch committed.
 */
export function markReferralWorkflowStartedSoon(
  db: Database,
  tenantId: string,
  referralId: string,
): Promise<void> {
  const tenants = marksByDatabase.get(db) ?? new Map<string, TenantMarks>();
  marksByDatabase.set(db, tenants);
  const marks = tenants.get(tenantId) ?? {};
  tenants.set(tenantId, marks);
  if (marks.queued) {
    marks.queued.ids.push(referralId);
    return marks.queued.written;
  }
  const batch: MarkBatch = { ids: [referralId], written: Promise.resolve() };
  const write = async () => {
    marks.queued = undefined; // later marks start the next batch
    const writing = withTenant(db, tenantId, (tx) => markReferralWorkflowStarted(tx, batch.ids));
    marks.writing = writing;
    try {
      await writing;
    } finally {
      if (marks.writing === writing) marks.writing = undefined;
    }
  };
  batch.written = (marks.writing ?? Promise.resolve()).then(write, write);
  marks.queued = batch;
  return batch.written;
}

/**
 * The tenant's referrals committed before `committedBefore` whose workflow is not known to be
 * started (the process died between the commit and the start, or the start failed), oldest
 * first, with what starting each needs: rebuilt from the row and its first event, exactly as the
 * sender would have started it.
 */
export async function referralsAwaitingWorkflow(
  tx: TenantTx,
  options: { committedBefore: Date; limit?: number },
): Promise<{ sent: ReferralStart[]; received: ReceivedReferralStart[] }> {
  const rows = await tx
    .select({
      referral: schema.referral,
      actorName: schema.referralEvent.actorName,
      actorRole: schema.referralEvent.actorRole,
      actorId: schema.referralEvent.actorId,
    })
    .from(schema.referral)
    .leftJoin(
      schema.referralEvent,
      and(eq(schema.referralEvent.referralId, schema.referral.id), eq(schema.referralEvent.seq, 1)),
    )
    .where(
      and(isNull(schema.referral.workflowStartedAt), lt(schema.referral.createdAt, options.committedBefore)),
    )
    .orderBy(asc(schema.referral.createdAt))
    .limit(options.limit ?? 100);
  const sent: ReferralStart[] = [];
  const received: ReceivedReferralStart[] = [];
  for (const { referral: r, actorName, actorRole, actorId } of rows) {
    if (r.direction === 'incoming') {
      if (!r.fromAddress || !r.toAddress) continue;
      received.push({
        tenantId: r.tenantId,
        referralId: r.id,
        from: r.fromAddress,
        to: r.toAddress,
        kind: r.kind,
        dueBy: r.dueBy.toISOString(),
      });
      continue;
    }
    if (!r.fromOrganisationId) continue;
    sent.push({
      tenantId: r.tenantId,
      referralId: r.id,
      fromOrganisationId: r.fromOrganisationId,
      toOrganisationId: r.toOrganisationId,
      kind: r.kind,
      acknowledgeBy: r.acknowledgeBy.toISOString(),
      dueBy: r.dueBy.toISOString(),
      requestedBy: {
        name: actorName ?? 'system',
        role: actorRole ?? 'staff',
        staffId: actorId ?? r.createdBy,
      },
      ...(r.fromAddress && r.toAddress ? { addresses: { from: r.fromAddress, to: r.toAddress } } : {}),
    });
  }
  return { sent, received };
}
