import { appendAudit } from '@linju/core';
import { and, type Database, eq, schema, sql, type TenantTx, withTenant } from '@linju/db';
import {
  createReferralActivities,
  type ReferralActivities,
  type ReferralActor,
  type ReferralEscalationRecord,
  type ReferralEventRecord,
} from '@linju/workflows';

/** Workflows act in the platform's name when no person does (core's `systemActor`). */
const SYSTEM_ACTOR = 'system';

const actorOf = (by: ReferralActor | null) => ({
  actorId: by?.staffId ?? null,
  actorName: by ? by.name : SYSTEM_ACTOR,
});

/**
 * Runs `write` once per idempotency key: the key is the entry's `requestId`, and a per-key
 * advisory lock makes "look, then append" safe against a timed-out attempt still running.
 */
async function once(
  db: Database,
  tenantId: string,
  referralId: string,
  key: string,
  write: (tx: TenantTx) => Promise<void>,
): Promise<void> {
  await withTenant(db, tenantId, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`referral-effect:${key}`}, 0))`);
    const done = await tx
      .select({ seq: schema.auditEntry.seq })
      .from(schema.auditEntry)
      .where(
        and(
          eq(schema.auditEntry.objectType, 'referral'),
          eq(schema.auditEntry.objectId, referralId),
          eq(schema.auditEntry.requestId, key),
        ),
      )
      .limit(1);
    if (done.length === 0) await write(tx);
  });
}

/** Referral activities over the tenant's audit log: `referral.<event>` and `referral.escalated`. */
export function createAuditedReferralActivities(db: Database): ReferralActivities {
  return createReferralActivities({
    recordEvent: (event: ReferralEventRecord) =>
      once(db, event.tenantId, event.referralId, event.idempotencyKey, (tx) =>
        appendAudit(tx, {
          ...actorOf(event.by),
          action: `referral.${event.type}`,
          objectType: 'referral',
          objectId: event.referralId,
          before: event.from === null ? null : { state: event.from },
          after: {
            state: event.to,
            at: event.at,
            by: event.by,
            ...(event.reason === undefined ? {} : { reason: event.reason }),
            ...(event.outcome === undefined ? {} : { outcome: event.outcome }),
          },
          requestId: event.idempotencyKey,
        }),
      ),
    escalate: (escalation: ReferralEscalationRecord) =>
      once(db, escalation.tenantId, escalation.referralId, escalation.idempotencyKey, (tx) =>
        appendAudit(tx, {
          actorId: null,
          actorName: SYSTEM_ACTOR,
          action: 'referral.escalated',
          objectType: 'referral',
          objectId: escalation.referralId,
          after: {
            deadline: escalation.kind,
            deadlineAt: escalation.deadline,
            state: escalation.state,
            at: escalation.at,
          },
          requestId: escalation.idempotencyKey,
        }),
      ),
  });
}
