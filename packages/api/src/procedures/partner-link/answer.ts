import { carriesOutcomeDocuments, storeOutcomeDocuments, ZPartnerLinkAnswerRequest } from '@linju/core';
import { publicProcedure } from '../../trpc.ts';
import { filesOf } from '../case/files.ts';
import { applyReferralEvent, engineOf } from '../referral/engine.ts';
import { openLinkReferral } from './open-link-referral.ts';

/**
 * No sign-in: the partner answers its referral through its one-time link (accept, reject with a
 * reason, in progress, complete with an outcome and its documents, fail with a reason and optionally an outcome and its documents), through the same workflow, state machine
 * and audit as the partner inbox, in the partner's name. As in the inbox, a referral still
 * `requested` is first marked `received`. An ended referral closes the link (see the effects).
 */
export const answer = publicProcedure.input(ZPartnerLinkAnswerRequest).mutation(async ({ ctx, input }) => {
  const { link, status, by } = await openLinkReferral(ctx, input.token, input.answeredBy);
  const engine = engineOf(ctx);
  if (status === 'requested' && input.type !== 'received') {
    await applyReferralEvent(engine, link.tenantId, link.referralId, { type: 'received', by });
  }
  // As in the inbox: the returned documents are stored first, the workflow carries their digests.
  const outcome = input.outcome
    ? {
        code: input.outcome.code,
        text: input.outcome.text,
        ...(carriesOutcomeDocuments(input.type) && input.outcome.documents?.length
          ? { documents: await storeOutcomeDocuments(filesOf(ctx), link.tenantId, input.outcome.documents) }
          : {}),
      }
    : undefined;
  const snapshot = await applyReferralEvent(engine, link.tenantId, link.referralId, {
    type: input.type,
    by,
    ...(input.reason ? { reason: input.reason } : {}),
    ...(outcome ? { outcome } : {}),
  });
  return { status: snapshot.state };
});
