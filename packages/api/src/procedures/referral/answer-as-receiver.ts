import { carriesOutcomeDocuments, type DocumentStore, storeOutcomeDocuments } from '@linju/core';
import type { TenantTx } from '@linju/db';
import {
  applyReferralEvent,
  type ReferralActor,
  type ReferralEvent,
  type ReferralSnapshot,
  type WorkflowEngine,
} from '@linju/workflows';

/** A partner's answer as a form sends it: the documents of an outcome still as uploaded. */
type Answer = {
  type: ReferralEvent['type'];
  reason?: string | undefined;
  outcome?:
    | { code: string; text: string; documents?: Parameters<typeof storeOutcomeDocuments>[2] }
    | undefined;
};

/**
 * The receiving side's answer, from its inbox or its one-time link, through the workflow: a
 * referral still `requested` is first marked `received` by the same person (within one
 * deployment the inbox is the delivery); documents returned with a completion or a failure are
 * stored first (content-addressed), the workflow carrying their names and digests.
 */
export async function answerAsReceiver(
  engine: WorkflowEngine,
  files: DocumentStore,
  referral: { tenantId: string; id: string; status: string },
  by: ReferralActor,
  answer: Answer,
  /** The procedure's transaction, when it runs in one: the documents are stored in it. */
  tx?: TenantTx,
): Promise<ReferralSnapshot> {
  if (referral.status === 'requested' && answer.type !== 'received') {
    await applyReferralEvent(engine, referral.tenantId, referral.id, { type: 'received', by });
  }
  const documents =
    answer.outcome?.documents && carriesOutcomeDocuments(answer.type)
      ? await storeOutcomeDocuments(files, referral.tenantId, answer.outcome.documents, tx)
      : [];
  const outcome = answer.outcome
    ? {
        code: answer.outcome.code,
        text: answer.outcome.text,
        ...(documents.length > 0 ? { documents } : {}),
      }
    : undefined;
  return applyReferralEvent(engine, referral.tenantId, referral.id, {
    type: answer.type,
    by,
    ...(answer.reason ? { reason: answer.reason } : {}),
    ...(outcome ? { outcome } : {}),
  });
}
