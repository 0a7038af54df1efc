import {
  isTerminalReferralState,
  nextReferralState,
  type ReferralEvent,
  type ReferralState,
  referralMessageKey,
} from '@linju/federation/referral-states';
import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ReferralActivities } from './activities.ts';
import { INVALID_TRANSITION_FAILURE, noteUpdate, stateQuery, transitionUpdate } from './definitions.ts';
import type {
  ReferralDeadlineKind,
  ReferralEscalationEntry,
  ReferralHistoryEntry,
  ReferralNote,
  ReferralSnapshot,
  ReferralWorkflowInput,
} from './referral-types.ts';

// Audit writes must not be lost: retry without a limit, backing off to once a minute while the
// database is away. The activities are idempotent, so a retry after a lost reply is harmless.
const recordEffects = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const;
const remoteEffects = proxyActivities<ReferralActivities>(recordEffects);
// Recorded by the worker running the workflow task (a local activity): no trip through the
// Temporal server's task queue and no extra workflow task for each effect, which on a busy node
// was most of an effect's cost. Workflows started before this ran keep the remote ones
// (`LOCAL_EFFECTS_PATCH`), so their histories replay.
const localEffects = proxyLocalActivities<ReferralActivities>(recordEffects);
const LOCAL_EFFECTS_PATCH = 'referral-effects-local';

// The outbox (spec, "Delivery": retried with exponential back-off until 2xx or a final 4xx; the
// spec names no figures): 1 s, 2 s, 4 s … capped at 5 minutes, without a limit on attempts, so a
// receiver down for a day still gets the message. The activity fails non-retryably on a final 4xx.
const { deliverExchangeMessage } = proxyActivities<ReferralActivities>({
  startToCloseTimeout: '45 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Bad input is a caller's bug: fail the workflow at once instead of retrying its task forever. */
function instant(value: string, field: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw ApplicationFailure.nonRetryable(
      `${field} is not an ISO datetime: '${value}'`,
      'InvalidReferralInput',
    );
  }
  return ms;
}

/** The acknowledgement deadline matters until the receiver accepts or rejects. */
const awaitsAcknowledgement = (state: ReferralState) => state === 'requested' || state === 'received';

/**
 * One referral, from `requested` to a terminal state. Holds the state, applies events through
 * {@link transitionUpdate}, records each through an activity, and escalates each missed deadline
 * once while it keeps waiting for the receiver.
 */
export async function referralWorkflow(input: ReferralWorkflowInput): Promise<ReferralSnapshot> {
  // Asked first, before any command: a history recorded without the marker replays the old way.
  const { recordReferralEvent, escalateReferral } = patched(LOCAL_EFFECTS_PATCH)
    ? localEffects
    : remoteEffects;
  const deadlines: Record<ReferralDeadlineKind, { iso: string; at: number }> = {
    acknowledge: { iso: input.acknowledgeBy, at: instant(input.acknowledgeBy, 'acknowledgeBy') },
    complete: { iso: input.dueBy, at: instant(input.dueBy, 'dueBy') },
  };
  const ref = {
    workflowId: workflowInfo().workflowId,
    tenantId: input.tenantId,
    referralId: input.referralId,
  };
  // The receiving side starts at `received`. Set before the handlers: an update that arrived
  // before the first workflow task (the worker was down at the start) is validated as soon as its
  // handler is set, and must see the real state, not `requested`.
  let state: ReferralState = input.exchange === 'receiver' ? 'received' : 'requested';
  // Numbers every recorded effect (events and escalations alike): with the workflow id it is the
  // idempotency key, and it is deterministic because it only moves inside workflow code.
  let sequence = 0;
  const history: ReferralHistoryEntry[] = [];
  const escalations: ReferralEscalationEntry[] = [];
  const escalated = new Set<ReferralDeadlineKind>();
  // Effects are written one after another, in sequence order, even if updates overlap.
  let effects: Promise<void> = Promise.resolve();
  const enqueue = (effect: () => Promise<void>): Promise<void> => {
    effects = effects.then(effect);
    return effects;
  };

  const snapshot = (): ReferralSnapshot => ({
    tenantId: input.tenantId,
    referralId: input.referralId,
    state,
    history: [...history],
    escalations: [...escalations],
  });

  // Messages to the other side go one after another, in the order their effects were recorded,
  // apart from the effects chain: a receiver that is down must not hold up local changes.
  let deliveries: Promise<void> = Promise.resolve();
  const escalate = (kind: ReferralEscalationEntry['kind'], deadline: string): Promise<void> => {
    const entry: ReferralEscalationEntry = {
      sequence: ++sequence,
      kind,
      deadline,
      state,
      at: new Date().toISOString(),
    };
    escalations.push(entry);
    return enqueue(() => escalateReferral({ ...ref, ...entry }));
  };
  const deliver = (key: string, then?: (response: Record<string, unknown>) => Promise<void>): void => {
    deliveries = deliveries.then(async () => {
      let answer: Awaited<ReturnType<typeof deliverExchangeMessage>>;
      try {
        answer = await deliverExchangeMessage({
          tenantId: input.tenantId,
          referralId: input.referralId,
          key,
        });
      } catch (error) {
        // Refused for good (a final 4xx): escalate on the sender's side, so someone re-routes or cancels.
        if (error instanceof ActivityFailure) {
          await escalate('delivery', new Date().toISOString());
          return;
        }
        throw error;
      }
      await then?.(answer.response);
    });
  };

  const numbered = (entry: Omit<ReferralHistoryEntry, 'sequence' | 'at'>): ReferralHistoryEntry => {
    const applied: ReferralHistoryEntry = { ...entry, sequence: ++sequence, at: new Date().toISOString() };
    history.push(applied);
    return applied;
  };
  const write = (applied: ReferralHistoryEntry): Promise<void> =>
    enqueue(async () => {
      const recorded = await recordReferralEvent({ ...ref, ...applied });
      // Only exchanged referrals queue messages; the create (the first effect's) is delivered
      // below, where its receipt is awaited.
      if (recorded?.outbox && applied.from !== null) deliver(recorded.outbox);
    });
  const record = (entry: Omit<ReferralHistoryEntry, 'sequence' | 'at'>): Promise<void> =>
    write(numbered(entry));

  // The first effect: `received` on the receiving side, `requested` on the sender's.
  const first: Omit<ReferralHistoryEntry, 'sequence' | 'at'> =
    input.exchange === 'receiver'
      ? { type: 'received', from: null, to: 'received', by: null }
      : {
          type: 'requested',
          from: null,
          to: 'requested',
          by: input.requestedBy ? { party: 'sender' as const, ...input.requestedBy } : null,
        };
  const deliverCreate = (): void => {
    if (input.exchange !== 'sender') return;
    // The create was queued with the referral; the receiver's receipt is its `received`.
    deliver(referralMessageKey(input.referralId, 1), async (response) => {
      const by = { party: 'receiver' as const, name: input.receiverNode ?? 'receiver', role: 'node' };
      if (!nextReferralState(state, { type: 'received', by }).ok) return;
      const from = state;
      state = 'received';
      const receipt = typeof response.receipt === 'string' ? response.receipt : undefined;
      await record({ type: 'received', from, to: state, by, ...(receipt ? { receipt } : {}) });
    });
  };
  // Numbered 1 before the handlers are set, so an update that arrived before the first task (the
  // worker was down, or busy) comes after it, numbered 2.
  const firstApplied = numbered(first);
  if (input.firstEffectRecorded) {
    // Committed with the row before the start: nothing to write, and the create goes out in this
    // first task.
    deliverCreate();
  }

  const refuse = (event: ReferralEvent): void => {
    const result = nextReferralState(state, event);
    if (result.ok) return;
    throw ApplicationFailure.create({
      type: INVALID_TRANSITION_FAILURE,
      message: result.error.message,
      details: [result.error],
      nonRetryable: true,
    });
  };

  setHandler(stateQuery, snapshot);
  setHandler(
    transitionUpdate,
    async (event) => {
      // Validators are skipped on replay, so the handler checks again (with the same answer).
      refuse(event);
      const from = state;
      state = event.type;
      const { type, by, reason, outcome, messageKey } = event;
      await record({
        type,
        from,
        to: state,
        by,
        ...(reason === undefined ? {} : { reason }),
        ...(outcome === undefined ? {} : { outcome }),
        ...(messageKey === undefined ? {} : { messageKey }),
      });
      return snapshot();
    },
    { validator: refuse, description: 'Apply one referral event (spec/referral-exchange.md, States).' },
  );

  // A note is no move of the state machine: any state but a final one takes it.
  const refuseNote = (note: ReferralNote): void => {
    const why = isTerminalReferralState(state)
      ? `Referral is ${state}: it is final, no note follows`
      : typeof note?.text !== 'string' || note.text.trim() === ''
        ? `Referral is ${state}: a note needs a text`
        : undefined;
    if (why === undefined) return;
    throw ApplicationFailure.create({
      type: INVALID_TRANSITION_FAILURE,
      message: why,
      details: [{ code: 'invalid-transition', currentState: state, message: why }],
      nonRetryable: true,
    });
  };
  setHandler(
    noteUpdate,
    async (note) => {
      refuseNote(note);
      await record({
        type: 'note',
        from: state,
        to: state,
        by: note.by,
        reason: note.text,
        ...(note.messageKey === undefined ? {} : { messageKey: note.messageKey }),
      });
      return snapshot();
    },
    { validator: refuseNote, description: 'Record a note to the other side (spec: note).' },
  );

  if (!input.firstEffectRecorded) {
    // Started before `firstEffectRecorded` existed: their histories record this activity (it finds
    // the effect done) after any update of the first task's, then the create's delivery. Written
    // here, as it always was, so they replay; only its number moved ahead of such an update's.
    await write(firstApplied);
    deliverCreate();
  }

  if (input.exchange === 'receiver') {
    // Arrived through the exchange: the receiving side starts at `received` (set above), and the
    // sender watches the deadlines. Each change of a partner user queues its message back.
    await condition(() => isTerminalReferralState(state));
    await condition(allHandlersFinished);
    await effects;
    await deliveries;
    return snapshot();
  }

  const nextDeadline = (): ReferralDeadlineKind | undefined => {
    const open = (['acknowledge', 'complete'] as const).filter(
      (kind) => !escalated.has(kind) && (kind === 'complete' || awaitsAcknowledgement(state)),
    );
    return open.sort((a, b) => deadlines[a].at - deadlines[b].at)[0];
  };

  while (!isTerminalReferralState(state)) {
    const kind = nextDeadline();
    if (kind === undefined) {
      await condition(() => isTerminalReferralState(state));
      break;
    }
    const seen = sequence;
    const wait = deadlines[kind].at - Date.now();
    // Any recorded change may make this deadline moot: wake up and look again.
    if (wait > 0 && (await condition(() => sequence !== seen, wait))) continue;
    escalated.add(kind);
    await escalate(kind, deadlines[kind].iso);
  }

  await condition(allHandlersFinished);
  await effects;
  // The last change may still be on its way to the other side; the outbox holds the workflow open.
  await deliveries;
  await effects;
  return snapshot();
}
