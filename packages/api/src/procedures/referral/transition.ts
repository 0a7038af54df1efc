import {
  DomainError,
  getReferralRow,
  referralForReceiver,
  referralSummary,
  ZTransitionRequest,
} from '@linju/core';
import { isTerminalReferralState } from '@linju/workflows';
import { permittedProcedure } from '../../trpc.ts';
import { filesOf } from '../case/files.ts';
import { answerAsReceiver } from './answer-as-receiver.ts';
import { engineOf } from './engine-of.ts';

/**
 * A partner's answer from its inbox (received, accepted, rejected, in progress, completed with an
 * outcome and its documents, failed with a reason and optionally an outcome and its documents),
 * through the workflow (`answerAsReceiver`).
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
    await answerAsReceiver(engineOf(ctx), filesOf(ctx), referral, by, input, ctx.tx);
    return referralSummary(await getReferralRow(ctx.tx, referral.id));
  });
