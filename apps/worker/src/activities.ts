import { DomainError, recordReferralEscalation, recordReferralEvent } from '@linju/core';
import { type Database, withTenant } from '@linju/db';
import {
  createReferralActivities,
  type ReferralActivities,
  type ReferralEscalationRecord,
  type ReferralEventRecord,
} from '@linju/workflows';
import { ApplicationFailure } from '@temporalio/client';

/**
 * A domain refusal will not go away by retrying (the projection disagrees with the workflow):
 * fail the activity at once, naming the key. Anything else (the database away) is retried.
 */
async function domainFailuresFinal<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof DomainError) {
      throw ApplicationFailure.nonRetryable(error.message, 'ReferralEffectRefused', error.params ?? {});
    }
    throw error;
  }
}

/**
 * Referral activities over the database: each effect goes through core (`recordReferralEvent`,
 * `recordReferralEscalation`) in one tenant transaction, once per idempotency key: the
 * referral's status, its event log, the case timeline and the audit entry together.
 */
export function createAuditedReferralActivities(db: Database): ReferralActivities {
  return createReferralActivities({
    recordEvent: (event: ReferralEventRecord) =>
      domainFailuresFinal(() =>
        withTenant(db, event.tenantId, async (tx) => {
          await recordReferralEvent(tx, event);
        }),
      ),
    escalate: (escalation: ReferralEscalationRecord) =>
      domainFailuresFinal(() =>
        withTenant(db, escalation.tenantId, async (tx) => {
          await recordReferralEscalation(tx, escalation);
        }),
      ),
  });
}
