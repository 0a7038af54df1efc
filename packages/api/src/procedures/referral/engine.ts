import { DomainError, type ReferralStart } from '@linju/core';
import {
  INVALID_TRANSITION_FAILURE,
  REFERRAL_TASK_QUEUE,
  type ReferralEvent,
  type ReferralSnapshot,
  type ReferralTransitionError,
  type ReferralWorkflowInput,
  referralIdempotencyKey,
  type referralWorkflow,
  referralWorkflowId,
  transitionUpdate,
} from '@linju/workflows';
import {
  ApplicationFailure,
  WorkflowExecutionAlreadyStartedError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { TRPCError } from '@trpc/server';
import type { ApiContext, WorkflowEngine } from '../../trpc.ts';

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
 * Starts the referral's workflow, id = business key. Called inside the creating transaction,
 * after the row and its first event are written: if the start fails the referral is rolled back;
 * the first activity waits on that event's lock until the transaction commits, then finds it done.
 */
export async function startReferralWorkflow(engine: WorkflowEngine, start: ReferralStart): Promise<string> {
  const node = engine.nodeId ?? 'local';
  const workflowId = referralWorkflowId(start.tenantId, start.referralId);
  const input: ReferralWorkflowInput = {
    tenantId: start.tenantId,
    referralId: start.referralId,
    from: start.addresses?.from ?? `${start.fromOrganisationId}@${node}`,
    to: start.addresses?.to ?? `${start.toOrganisationId}@${node}`,
    kind: start.kind,
    acknowledgeBy: start.acknowledgeBy,
    dueBy: start.dueBy,
    requestedBy: start.requestedBy,
    // Through the exchange (another node, or another tenant of this one): the workflow delivers
    // the create queued with the referral and takes the receipt as `received`.
    ...(start.addresses
      ? {
          exchange: 'sender' as const,
          receiverNode: start.addresses.to.slice(start.addresses.to.indexOf('@') + 1),
        }
      : {}),
  };
  await engine.client.workflow.start<typeof referralWorkflow>('referralWorkflow', {
    taskQueue: engine.taskQueue ?? REFERRAL_TASK_QUEUE,
    workflowId,
    args: [input],
  });
  return workflowId;
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
  const input: ReferralWorkflowInput = {
    tenantId: received.tenantId,
    referralId: received.referralId,
    from: received.from,
    to: received.to,
    kind: received.kind,
    acknowledgeBy: received.dueBy,
    dueBy: received.dueBy,
    exchange: 'receiver',
  };
  try {
    await engine.client.workflow.start<typeof referralWorkflow>('referralWorkflow', {
      taskQueue: engine.taskQueue ?? REFERRAL_TASK_QUEUE,
      workflowId: referralWorkflowId(received.tenantId, received.referralId),
      args: [input],
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
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
    const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type === INVALID_TRANSITION_FAILURE) {
      const detail = cause.details?.[0] as ReferralTransitionError | undefined;
      const refusal = REFUSAL[detail?.code ?? 'invalid-transition'];
      throw new DomainError(refusal.kind, refusal.key, {
        ...(refusal.field ? { field: refusal.field } : {}),
        params: { currentState: detail?.currentState ?? 'unknown' },
      });
    }
    throw error;
  }
}
