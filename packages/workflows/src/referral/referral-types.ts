import type {
  ReferralActor,
  ReferralEventType,
  ReferralOutcome,
  ReferralState,
} from '@linju/federation/referral-states';

/** Deadlines the sender watches: acknowledgement (accepted or rejected) and completion. */
export type ReferralDeadlineKind = 'acknowledge' | 'complete';

/**
 * What starts a referral workflow. Deadlines are absolute instants: working days and holidays are
 * the cases module's business, computed before the workflow starts.
 */
export type ReferralWorkflowInput = {
  tenantId: string;
  referralId: string;
  /** Addresses `orgId@nodeId` (spec/referral-exchange.md). */
  from: string;
  to: string;
  kind: string;
  /** ISO datetime by which the receiver should have accepted or rejected. */
  acknowledgeBy: string;
  /** ISO datetime by which the referral should be completed or failed. */
  dueBy: string;
  /** Who asked for the referral; recorded with the `requested` event. */
  requestedBy?: { name: string; role: string; staffId?: string | null };
  /**
   * The referral crosses the exchange (spec/referral-exchange.md; another node, or another tenant
   * over loopback). `sender`: the workflow delivers the queued create, records the receipt as
   * `received`, then every change it records may queue a message to deliver. `receiver`: the
   * referral arrived; it starts at `received` and watches no deadline (the sender does).
   * Absent: a partner inbox of the same tenant.
   */
  exchange?: 'sender' | 'receiver';
  /** The receiver's node, named as the author of `received` (the receipt). */
  receiverNode?: string;
  /**
   * The first effect (`requested`, or `received` on the receiving side) was committed with the
   * referral row before the workflow started: the workflow keeps it in its history without an
   * activity, so an exchanged create goes out in the first workflow task. Absent on workflows
   * started before (their histories record that activity; replay follows the input).
   */
  firstEffectRecorded?: boolean;
};

/**
 * A note to the other side (spec: a `note` event, either side): it changes no state and is taken
 * in any state but a final one. Numbered and recorded like any effect, so it goes through the
 * outbox and lands on the other side once.
 */
export type ReferralNote = {
  by: ReferralActor;
  text: string;
  /** A note from the other side of the exchange: `<node> <idempotency key>`. */
  messageKey?: string;
};

/** One applied event; `sequence` numbers every recorded effect of the workflow from 1. */
export type ReferralHistoryEntry = {
  sequence: number;
  /** `note` keeps the state (`from` = `to`); its text travels as `reason`, as in the spec's message. */
  type: ReferralEventType | 'requested' | 'note';
  from: ReferralState | null;
  to: ReferralState;
  /** Workflow time (deterministic), ISO. */
  at: string;
  by: ReferralActor | null;
  reason?: string;
  outcome?: ReferralOutcome;
  /** An event from the other side of the exchange: `<node> <idempotency key>`. */
  messageKey?: string;
  /** The receiver's receipt, on the `received` its answer to the create brought. */
  receipt?: string;
};

export type ReferralEscalationEntry = {
  sequence: number;
  /** A missed deadline, or `delivery`: the other side refused a message for good. */
  kind: ReferralDeadlineKind | 'delivery';
  deadline: string;
  /** The state the referral was in when the deadline passed. */
  state: ReferralState;
  at: string;
};

/** What the state query and the transition update answer. */
export type ReferralSnapshot = {
  tenantId: string;
  referralId: string;
  state: ReferralState;
  history: ReferralHistoryEntry[];
  escalations: ReferralEscalationEntry[];
};
