import {
  DomainError,
  getReferralRow,
  referralForReceiver,
  referralForSender,
  referralSummary,
  ZReferralNoteRequest,
} from '@linju/core';
import { applyReferralNote, isTerminalReferralState } from '@linju/workflows';
import { tenantProcedure } from '../../trpc.ts';
import { engineOf } from './engine-of.ts';

/**
 * A note to the other side (spec: `note`), through the workflow: the partner writes from its
 * inbox (`side: 'receiver'`, `referral.respond` on the partner), the district from the case
 * (`side: 'sender'`, as for cancelling). It lands on the case timeline and in the partner's
 * inbox; through the exchange it is queued and delivered like any event. No state changes.
 */
export const note = tenantProcedure.input(ZReferralNoteRequest).mutation(async ({ ctx, input }) => {
  const { referral, by } =
    input.side === 'receiver'
      ? await referralForReceiver(ctx.tx, ctx.actor, input.referralId)
      : await referralForSender(ctx.tx, ctx.actor, input.referralId);
  if (input.side === 'sender' && referral.direction !== 'outgoing') {
    throw new DomainError('not-found', 'referral.not_found', { field: 'referralId' });
  }
  if (isTerminalReferralState(referral.status)) {
    throw new DomainError('conflict', 'referral.transition_invalid', {
      params: { currentState: referral.status },
    });
  }
  await applyReferralNote(engineOf(ctx), ctx.tenantId, referral.id, { by, text: input.text });
  return referralSummary(await getReferralRow(ctx.tx, referral.id));
});
