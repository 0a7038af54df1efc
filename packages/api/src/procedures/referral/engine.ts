import { DomainError, markReferralWorkflowStartedSoon, type ReferralStart } from '@linju/core';
import type { Database } from '@linju/db';
import {
  INVALID_TRANSITION_FAILURE,
  noteUpdate,
  REFERRAL_TASK_QUEUE,
  type ReferralEvent,
  type ReferralNote,
  type ReferralSnapshot,
  type ReferralTransitionError,
  receivedReferralInput,
  referralIdempotencyKey,
  type referralWorkflow,
  referralWorkflowId,
  sentReferralInput,
  startReferralExecution,
  transitionUpdate,
} from '@linju/workflows';
import { ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { TRPCError } from '@trpc/server';
import type { ApiContext, TenantSession, WorkflowEngine } from '../../trpc.ts';

/** The engine, or a clear refusal: a referral is never half-sent without its workflow. */
export function engineOf(ctx: ApiContext): WorkflowEngine {
  if (!ctx.temporal) {
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'referral.workflows_unavailable' });
  }
  return ctx.temporal;
}

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
  ctx: { db: Database; afterCommit: TenantSession['afterCommit'] },
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

/**
 * Applies one event through the workflow's update: the workflow validates it against the shared
 * state machine and answers once its activity has written the effect. Its refusal becomes a domain
 * error naming the current state (and the missing field).
 */
export async function applyReferralEvent(
  engine: WorkflowEngine,
  tenantId: string,
  referralId: string,
  event: ReferralEvent,
  /** Temporal drops a second update with the same id: an event message delivered twice applies once. */
  updateId?: string,
): Promise<ReferralSnapshot> {
  const handle = engine.client.workflow.getHandle<typeof referralWorkflow>(
    referralWorkflowId(tenantId, referralId),
  );
  try {
    return await handle.executeUpdate(transitionUpdate, { args: [event], ...(updateId ? { updateId } : {}) });
  } catch (error) {
    throw refusalOf(error);
  }
}

/**
 * Records a note to the other side through the workflow's note update (spec: `note`): no move of
 * the state machine, refused (`referral.transition_invalid`) once the referral is final. On an
 * exchanged referral the note is queued and delivered like the other events.
 */
export async function applyReferralNote(
  engine: WorkflowEngine,
  tenantId: string,
  referralId: string,
  note: ReferralNote,
  /** As for events: a note delivered twice is recorded once. */
  updateId?: string,
): Promise<ReferralSnapshot> {
  const handle = engine.client.workflow.getHandle<typeof referralWorkflow>(
    referralWorkflowId(tenantId, referralId),
  );
  try {
    return await handle.executeUpdate(noteUpdate, { args: [note], ...(updateId ? { updateId } : {}) });
  } catch (error) {
    throw refusalOf(error);
  }
}

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
