import { DomainError, getReferralRow, referralForSender, referralSummary, ZCancelRequest } from '@linju/core';
import { applyReferralEvent, isTerminalReferralState } from '@linju/workflows';
import { permittedProcedure } from '../../trpc.ts';
import { engineOf } from './engine-of.ts';

/** Cancellation by the sender, with a reason, through the workflow. */
export const cancel = permittedProcedure('referral.send')
  .input(ZCancelRequest)
  .mutation(async ({ ctx, input }) => {
    const { referral, by } = await referralForSender(ctx.tx, ctx.actor, input.referralId);
    if (isTerminalReferralState(referral.status)) {
      throw new DomainError('conflict', 'referral.transition_invalid', {
        params: { currentState: referral.status },
      });
    }
    await applyReferralEvent(engineOf(ctx), ctx.tenantId, referral.id, {
      type: 'cancelled',
      by,
      reason: input.reason,
    });
    return referralSummary(await getReferralRow(ctx.tx, referral.id));
  });
