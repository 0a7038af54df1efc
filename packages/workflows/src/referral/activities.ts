import type { ReferralEscalationEntry, ReferralHistoryEntry } from './referral-types.ts';

/** Which referral an effect belongs to; `workflowId` and the entry's `sequence` make its key. */
type ReferralRef = { workflowId: string; tenantId: string; referralId: string };

export type RecordReferralEventInput = ReferralRef & ReferralHistoryEntry;
export type EscalateReferralInput = ReferralRef & ReferralEscalationEntry;

/**
 * `workflowId#sequence`: the same effect has the same key on every retry of the activity (and on
 * any replay of the workflow), so the implementation can drop a second delivery.
 */
export const referralIdempotencyKey = (workflowId: string, sequence: number): string =>
  `${workflowId}#${sequence}`;

export type ReferralEventRecord = RecordReferralEventInput & { idempotencyKey: string };
export type ReferralEscalationRecord = EscalateReferralInput & { idempotencyKey: string };

/**
 * What the activities need from the outside world. The worker writes both to the tenant's audit
 * log; an implementation must treat a repeated `idempotencyKey` as already done.
 */
export interface ReferralActivityDeps {
  recordEvent(event: ReferralEventRecord): Promise<void>;
  escalate(escalation: ReferralEscalationRecord): Promise<void>;
}

/** Referral activities over injected dependencies (temporalio/samples-typescript style). */
export function createReferralActivities(deps: ReferralActivityDeps) {
  return {
    /** Records one applied transition (including the initial `requested`). */
    async recordReferralEvent(input: RecordReferralEventInput): Promise<void> {
      await deps.recordEvent({
        ...input,
        idempotencyKey: referralIdempotencyKey(input.workflowId, input.sequence),
      });
    },
    /** Raises one missed deadline; the workflow calls it at most once per deadline kind. */
    async escalateReferral(input: EscalateReferralInput): Promise<void> {
      await deps.escalate({
        ...input,
        idempotencyKey: referralIdempotencyKey(input.workflowId, input.sequence),
      });
    },
  };
}

export type ReferralActivities = ReturnType<typeof createReferralActivities>;
