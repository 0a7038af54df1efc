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
  /** Answers the key of the message the effect queued in the outbox, if it queued one. */
  recordEvent(event: ReferralEventRecord): Promise<{ outbox?: string } | undefined>;
  escalate(escalation: ReferralEscalationRecord): Promise<void>;
  /**
   * Sends one outbox message, once per call; throws to be retried (Temporal backs off), or a
   * non-retryable `ExchangeRefused` failure when the other side refused it for good.
   */
  deliver?(message: DeliverExchangeMessageInput): Promise<ExchangeDelivery>;
}

/** Which outbox message to send. */
export type DeliverExchangeMessageInput = { tenantId: string; referralId: string; key: string };

/** The other side's 2xx answer to a delivered message. */
export type ExchangeDelivery = { status: number; response: Record<string, unknown> };

/** The failure type of a message the other side refused for good (a final 4xx). */
export const EXCHANGE_REFUSED_FAILURE = 'ExchangeRefused';

/** Referral activities over injected dependencies (temporalio/samples-typescript style). */
export function createReferralActivities(deps: ReferralActivityDeps) {
  return {
    /** Records one applied transition (including the initial `requested`). */
    async recordReferralEvent(input: RecordReferralEventInput): Promise<{ outbox?: string }> {
      const recorded = await deps.recordEvent({
        ...input,
        idempotencyKey: referralIdempotencyKey(input.workflowId, input.sequence),
      });
      return recorded?.outbox ? { outbox: recorded.outbox } : {};
    },
    /** Raises one missed deadline; the workflow calls it at most once per deadline kind. */
    async escalateReferral(input: EscalateReferralInput): Promise<void> {
      await deps.escalate({
        ...input,
        idempotencyKey: referralIdempotencyKey(input.workflowId, input.sequence),
      });
    },
    /** Delivers one outbox message of an exchanged referral (retried with back-off by the workflow's policy). */
    async deliverExchangeMessage(input: DeliverExchangeMessageInput): Promise<ExchangeDelivery> {
      if (!deps.deliver) throw new Error('this worker cannot deliver exchange messages (no node key)');
      return deps.deliver(input);
    },
  };
}

export type ReferralActivities = ReturnType<typeof createReferralActivities>;
