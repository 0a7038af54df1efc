import { issuePartnerLinkOnSend, ZCreateReferralRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';
import { sendReferral } from './send-referral.ts';

/**
 * Sends a case to a partner: the row and its `requested` event (and, for a partner reached through
 * the exchange, the create message in the outbox) in one transaction, then, once it committed, the
 * workflow (id = business key). Refused without the resident's consent for that partner.
 */
export const create = permittedProcedure('referral.send')
  .input(ZCreateReferralRequest)
  .mutation(async ({ ctx, input }) => {
    const { referral, row, repeated } = await sendReferral(ctx, input);
    // A repeat of a send still open answers that referral; its link, if any, was shown the first time.
    if (repeated) return { ...referral, partnerLink: null };
    // A partner without accounts or a system of its own answers through a one-time link, shown
    // once in this answer (to pass on: no SMS or e-mail sender is installed by default).
    const partnerLink = await issuePartnerLinkOnSend(ctx.tx, ctx.actor, ctx.box, row);
    return { ...referral, partnerLink: partnerLink ?? null };
  });
