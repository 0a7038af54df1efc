import {
  carriesOutcomeDocuments,
  DomainError,
  getReferralRow,
  referralForReceiver,
  referralSummary,
  storeOutcomeDocuments,
  ZTransitionRequest,
} from '@linju/core';
import { isTerminalReferralState } from '@linju/workflows';
import { permittedProcedure } from '../../trpc.ts';
import { filesOf } from '../case/files.ts';
import { applyReferralEvent, engineOf } from './engine.ts';

/**
 * A partner's answer (received, accepted, rejected, in progress, completed with an outcome and its
 * documents, failed with a reason and optionally an outcome and its documents), through the workflow. Within one deployment the inbox is the delivery: a referral still `requested` is
 * first marked `received` by the same person.
 */
export const transition = permittedProcedure('referral.respond')
  .input(ZTransitionRequest)
  .mutation(async ({ ctx, input }) => {
    const { referral, by } = await referralForReceiver(ctx.tx, ctx.actor, input.referralId);
    if (isTerminalReferralState(referral.status)) {
      throw new DomainError('conflict', 'referral.transition_invalid', {
        params: { currentState: referral.status },
      });
    }
    const engine = engineOf(ctx);
    if (referral.status === 'requested' && input.type !== 'received') {
      await applyReferralEvent(engine, ctx.tenantId, referral.id, { type: 'received', by });
    }
    // Documents returned with a completion or a failure are stored first (content-addressed): the workflow
    // carries their names and digests, its effect keeps them with the referral (and the case).
    const outcome = input.outcome
      ? {
          code: input.outcome.code,
          text: input.outcome.text,
          ...(carriesOutcomeDocuments(input.type) && input.outcome.documents?.length
            ? { documents: await storeOutcomeDocuments(filesOf(ctx), ctx.tenantId, input.outcome.documents) }
            : {}),
        }
      : undefined;
    await applyReferralEvent(engine, ctx.tenantId, referral.id, {
      type: input.type,
      by,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(outcome ? { outcome } : {}),
    });
    return referralSummary(await getReferralRow(ctx.tx, referral.id));
  });
