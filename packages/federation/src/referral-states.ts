// The one module it needs, not the package's index: workflow code imports this, and the sandbox
// evaluates every module of its bundle again for each workflow it runs.
import { REFERRAL_STATUSES } from '@linju/vocabulary/referral-vocabulary';

/**
 * The referral state machine of `spec/referral-exchange.md` ("States"), as data and one pure
 * function. The workflow, its update validator and (later) the federation inbox all ask
 * {@link nextReferralState}, so a move is valid or invalid in exactly one place.
 */

export const referralStates = REFERRAL_STATUSES;

export type ReferralState = (typeof referralStates)[number];

/** An event is named after the state it moves to; `requested` only ever starts a referral. */
export type ReferralEventType = Exclude<ReferralState, 'requested'>;

/** Which side of the referral acts: the sender watches it, the receiver does the work. */
export type ReferralParty = 'sender' | 'receiver';

export type ReferralActor = {
  party: ReferralParty;
  name: string;
  /** The person's role as the partner names it (e.g. 调解员), shown in the audit log. */
  role: string;
  /** A staff id of this deployment when the actor has one; remote partners have none. */
  staffId?: string | null;
};

/**
 * A document returned with the outcome (spec: `outcome.documents`): named by its SHA-256; `url` is
 * the attachments path on the receiver's node once it crosses the exchange, `sizeBytes` known
 * where the body is stored.
 */
export type ReferralOutcomeDocument = {
  name: string;
  mediaType: string;
  sha256: string;
  sizeBytes?: number;
  url?: string;
};

export type ReferralOutcome = { code: string; text: string; documents?: ReferralOutcomeDocument[] };

/** A proposed change, as the update carries it and as the protocol's event message does. */
export type ReferralEvent = {
  type: ReferralEventType;
  by: ReferralActor;
  reason?: string;
  outcome?: ReferralOutcome;
  /**
   * For an event that arrived from the other side of the exchange: the sending node and its
   * `Linju-Idempotency-Key` (`<node> <key>`), recorded with the event so a redelivery is known.
   */
  messageKey?: string;
};

/** The valid moves, exactly as the spec's diagram draws them. */
export const referralTransitions: Readonly<Record<ReferralState, readonly ReferralEventType[]>> = {
  requested: ['received', 'cancelled'],
  received: ['accepted', 'rejected', 'cancelled'],
  accepted: ['in-progress', 'failed', 'cancelled'],
  'in-progress': ['completed', 'failed', 'cancelled'],
  completed: [],
  failed: [],
  rejected: [],
  cancelled: [],
};

/** The side allowed to emit each event: the receiver reports progress, only the sender cancels. */
export const referralEventParty: Readonly<Record<ReferralEventType, ReferralParty>> = {
  received: 'receiver',
  accepted: 'receiver',
  rejected: 'receiver',
  'in-progress': 'receiver',
  completed: 'receiver',
  failed: 'receiver',
  cancelled: 'sender',
};

const needsReason: ReadonlySet<ReferralEventType> = new Set(['rejected', 'failed', 'cancelled']);

/** States with no way out; the workflow ends when it reaches one. */
export const isTerminalReferralState = (state: ReferralState): boolean =>
  referralTransitions[state].length === 0;

export type ReferralTransitionErrorCode =
  | 'invalid-transition'
  | 'wrong-party'
  | 'reason-required'
  | 'outcome-required';

export type ReferralTransitionError = {
  code: ReferralTransitionErrorCode;
  /** The state the referral is in; the protocol answers 409 with it. */
  currentState: ReferralState;
  message: string;
};

export type ReferralTransitionResult =
  | { ok: true; state: ReferralState }
  | { ok: false; error: ReferralTransitionError };

const filled = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Checks `event` against `current` and answers the next state, or an error naming the current
 * state. Fields are checked at run time too: events arrive as JSON from other systems.
 */
export function nextReferralState(current: ReferralState, event: ReferralEvent): ReferralTransitionResult {
  const fail = (code: ReferralTransitionErrorCode, why: string): ReferralTransitionResult => ({
    ok: false,
    error: { code, currentState: current, message: `Referral is ${current}: ${why}` },
  });
  const allowed = referralTransitions[current];
  if (!allowed.includes(event.type)) {
    const options = allowed.length > 0 ? `allowed: ${allowed.join(', ')}` : 'it is final';
    return fail('invalid-transition', `cannot move to ${String(event.type)} (${options})`);
  }
  const party = referralEventParty[event.type];
  if (event.by?.party !== party) {
    return fail('wrong-party', `only the ${party} may report ${event.type}`);
  }
  if (needsReason.has(event.type) && !filled(event.reason)) {
    return fail('reason-required', `${event.type} needs a reason`);
  }
  if (event.type === 'completed' && !(filled(event.outcome?.code) && filled(event.outcome?.text))) {
    return fail('outcome-required', 'completed needs an outcome with a code and a text');
  }
  return { ok: true, state: event.type };
}

/**
 * The `Linju-Idempotency-Key` of the message reporting a referral's `sequence`-th effect (and the
 * id of its outbox row): the same on every retry. Referral ids are UUIDs, so two tenants' keys
 * never meet at a receiver. Here because both the workflow (which delivers) and the database
 * side (which queues) name messages by it.
 */
export const referralMessageKey = (referralId: string, sequence: number): string =>
  `${referralId}.${sequence}`;
