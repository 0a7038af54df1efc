import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { REFERRAL_TASK_QUEUE, referralWorkflowId } from '../task-queues.ts';
import type { ReferralWorkflowInput } from './referral-types.ts';
import type { referralWorkflow } from './referral-workflow.ts';

/**
 * A sent referral as committed (core's `ReferralStart`, structurally): enough to start its
 * workflow, from the API right after the commit or from the worker's reconciler later.
 */
export type SentReferralStart = {
  tenantId: string;
  referralId: string;
  fromOrganisationId: string;
  toOrganisationId: string;
  kind: string;
  acknowledgeBy: string;
  dueBy: string;
  requestedBy: { name: string; role: string; staffId: string | null };
  /** Set when the partner is reached through the referral exchange: the workflow delivers the create. */
  addresses?: { from: string; to: string };
};

/** A referral that arrived through the exchange, as its receiving side committed it. */
export type ReceivedReferralStart = {
  tenantId: string;
  referralId: string;
  from: string;
  to: string;
  kind: string;
  dueBy: string;
};

/** The sending side's workflow input; `nodeId` names this node in local addresses. */
export function sentReferralInput(start: SentReferralStart, nodeId: string): ReferralWorkflowInput {
  return {
    tenantId: start.tenantId,
    referralId: start.referralId,
    from: start.addresses?.from ?? `${start.fromOrganisationId}@${nodeId}`,
    to: start.addresses?.to ?? `${start.toOrganisationId}@${nodeId}`,
    kind: start.kind,
    acknowledgeBy: start.acknowledgeBy,
    dueBy: start.dueBy,
    requestedBy: start.requestedBy,
    firstEffectRecorded: true,
    // Through the exchange (another node, or another tenant of this one): the workflow delivers
    // the create queued with the referral and takes the receipt as `received`.
    ...(start.addresses
      ? {
          exchange: 'sender' as const,
          receiverNode: start.addresses.to.slice(start.addresses.to.indexOf('@') + 1),
        }
      : {}),
  };
}

/** The receiving side's workflow input: it begins at `received` and watches no deadline. */
export function receivedReferralInput(received: ReceivedReferralStart): ReferralWorkflowInput {
  return {
    tenantId: received.tenantId,
    referralId: received.referralId,
    from: received.from,
    to: received.to,
    kind: received.kind,
    acknowledgeBy: received.dueBy,
    dueBy: received.dueBy,
    exchange: 'receiver',
    firstEffectRecorded: true,
  };
}

/**
 * Starts a committed referral's workflow (id = business key). Starting it again is harmless: a
 * running one is kept (`USE_EXISTING`, the answer names its run), a closed one is never run again
 * (`REJECT_DUPLICATE`, the answer's `runId` is null), so the sender after its commit and the
 * worker's reconciler may both try.
 */
export async function startReferralExecution(
  client: Client,
  input: ReferralWorkflowInput,
  taskQueue: string = REFERRAL_TASK_QUEUE,
): Promise<{ workflowId: string; runId: string | null }> {
  const workflowId = referralWorkflowId(input.tenantId, input.referralId);
  try {
    const handle = await client.workflow.start<typeof referralWorkflow>('referralWorkflow', {
      taskQueue,
      workflowId,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { workflowId, runId: handle.firstExecutionRunId };
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, runId: null };
    throw error;
  }
}
