import { DomainError, markReferralWorkflowStartedSoon, type ReferralStart } from '@linju/core';
import type { Database } from '@linju/db';
import type { ReferralEvent, ReferralTransitionError } from '@linju/federation/referral-states';
import {
  ApplicationFailure,
  type Client,
  type WorkflowHandle,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { REFERRAL_TASK_QUEUE, referralWorkflowId } from '../task-queues.ts';
import { referralIdempotencyKey } from './activities.ts';
import { INVALID_TRANSITION_FAILURE, noteUpdate, transitionUpdate } from './definitions.ts';
import type { ReferralNote, ReferralSnapshot } from './referral-types.ts';
import type { referralWorkflow } from './referral-workflow.ts';
import { receivedReferralInput, sentReferralInput, startReferralExecution } from './start-referral.ts';

/** The workflow engine as the API and the server hold it: one long-lived client (see `lazyTemporalClient`). */
export type WorkflowEngine = {
  client: Client;
  /** The referral task queue; `REFERRAL_TASK_QUEUE` unless a test runs its own worker. */
  taskQueue?: string;
  /** This deployment's node id, for the `orgId@nodeId` addresses of the workflow input. */
  nodeId?: string;
};

/** Work handed over to run once a transaction has committed (the API's `afterCommit`). */
export type AfterCommit = (task: { name: string; run: () => Promise<void> }) => void;

/** The key of the workflow's first effect (`requested`), which `createReferral` writes itself. */
export const initialEffectKey = (tenantId: string) => (referralId: string) =>
  referralIdempotencyKey(referralWorkflowId(tenantId, referralId), 1);

/**
 * Starts the referral's workflow (id = business key) once the request's transaction has
 * committed the row, its first event and (through the exchange) its outbox message — never
 * inside it: the transaction holds the district's audit chain, and a start there would make the
 * district's sends wait on each other. Then marks it started. If the process dies or the start
 * fails in between, the worker's reconciler starts it (a second start is a no-op).
 */
export function startReferralAfterCommit(
  ctx: { db: Database; afterCommit: AfterCommit },
  engine: WorkflowEngine,
  start: ReferralStart,
): void {
  ctx.afterCommit({
    name: `start referral workflow ${start.referralId}`,
    run: async () => {
      await startReferralExecution(
        engine.client,
        sentReferralInput(start, engine.nodeId ?? 'local'),
        engine.taskQueue ?? REFERRAL_TASK_QUEUE,
      );
      await markReferralWorkflowStartedSoon(ctx.db, start.tenantId, start.referralId);
    },
  });
}

/**
 * Starts the receiving side's workflow of a referral that arrived through the exchange (id =
 * business key, so a second start of the same one is a no-op): it begins at `received`, its first
 * event already written with the referral row.
 */
export async function startReceivedReferralWorkflow(
  engine: WorkflowEngine,
  received: { tenantId: string; referralId: string; from: string; to: string; kind: string; dueBy: string },
): Promise<void> {
  await startReferralExecution(
    engine.client,
    receivedReferralInput(received),
    engine.taskQueue ?? REFERRAL_TASK_QUEUE,
  );
}

const REFUSAL: Record<
  ReferralTransitionError['code'],
  { kind: DomainError['kind']; key: string; field?: string }
> = {
  'invalid-transition': { kind: 'conflict', key: 'referral.transition_invalid' },
  'wrong-party': { kind: 'forbidden', key: 'referral.wrong_party' },
  'reason-required': { kind: 'bad-request', key: 'referral.reason_required', field: 'reason' },
  'outcome-required': { kind: 'bad-request', key: 'referral.outcome_required', field: 'outcome' },
};

/** The workflow's refusal as a domain error naming the current state (and the missing field); anything else as it was. */
function refusalOf(error: unknown): unknown {
  const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
  if (cause instanceof ApplicationFailure && cause.type === INVALID_TRANSITION_FAILURE) {
    const detail = cause.details?.[0] as ReferralTransitionError | undefined;
    const refusal = REFUSAL[detail?.code ?? 'invalid-transition'];
    return new DomainError(refusal.kind, refusal.key, {
      ...(refusal.field ? { field: refusal.field } : {}),
      params: { currentState: detail?.currentState ?? 'unknown' },
    });
  }
  return error;
}

/** Runs one update of the referral's workflow; its refusal as {@link refusalOf} says. */
async function updateReferral(
  engine: WorkflowEngine,
  tenantId: string,
  referralId: string,
  run: (handle: WorkflowHandle<typeof referralWorkflow>) => Promise<ReferralSnapshot>,
): Promise<ReferralSnapshot> {
  try {
    return await run(engine.client.workflow.getHandle(referralWorkflowId(tenantId, referralId)));
  } catch (error) {
    throw refusalOf(error);
  }
}

/**
 * Applies one event through the workflow's update: the workflow validates it against the shared
 * state machine and answers once its activity has written the effect. Its refusal becomes a domain
 * error naming the current state (and the missing field).
 */
export const applyReferralEvent = (
  engine: WorkflowEngine,
  tenantId: string,
  referralId: string,
  event: ReferralEvent,
  /** Temporal drops a second update with the same id: an event message delivered twice applies once. */
  updateId?: string,
): Promise<ReferralSnapshot> =>
  updateReferral(engine, tenantId, referralId, (handle) =>
    handle.executeUpdate(transitionUpdate, { args: [event], ...(updateId ? { updateId } : {}) }),
  );

/**
 * Records a note to the other side through the workflow's note update (spec: `note`): no move of
 * the state machine, refused (`referral.transition_invalid`) once the referral is final. On an
 * exchanged referral the note is queued and delivered like the other events.
 */
export const applyReferralNote = (
  engine: WorkflowEngine,
  tenantId: string,
  referralId: string,
  note: ReferralNote,
  /** As for events: a note delivered twice is recorded once. */
  updateId?: string,
): Promise<ReferralSnapshot> =>
  updateReferral(engine, tenantId, referralId, (handle) =>
    handle.executeUpdate(noteUpdate, { args: [note], ...(updateId ? { updateId } : {}) }),
  );
