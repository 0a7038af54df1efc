import { issuePartnerLinkOnSend, planReroute, ZRerouteRequest } from '@linju/core';
import { applyReferralEvent } from '@linju/workflows';
import { permittedProcedure } from '../../trpc.ts';
import { engineOf } from './engine-of.ts';
import { sendReferral } from './send-referral.ts';

/**
 * 改派: a rejected (or escalated) referral's case goes to another partner in one call. Everything
 * is checked first (the sender's right, the state, the case, the new partner and the resident's
 * consent for it); an escalated referral still open is then cancelled through its workflow with
 * the reason — before this transaction writes anything, since the workflow's activity appends to
 * the same audit chain this transaction would otherwise hold — and the new referral is written
 * (naming the old one, `reroutedFrom`) and its workflow started after the commit. The old one keeps its history.
 */
export const reroute = permittedProcedure('referral.send')
  .input(ZRerouteRequest)
  .mutation(async ({ ctx, input }) => {
    const plan = await planReroute(ctx.tx, ctx.actor, input);
    const engine = engineOf(ctx);
    if (plan.cancelFirst) {
      await applyReferralEvent(engine, ctx.tenantId, plan.referral.id, {
        type: 'cancelled',
        by: plan.by,
        reason: plan.reason,
      });
    }
    const { referral, row } = await sendReferral(ctx, plan.create, { reroutedFrom: plan.referral.id });
    // A new partner without accounts answers through a one-time link (as at send).
    const partnerLink = await issuePartnerLinkOnSend(ctx.tx, ctx.actor, ctx.box, row);
    return { ...referral, partnerLink: partnerLink ?? null };
  });
