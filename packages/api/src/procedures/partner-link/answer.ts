import { ZPartnerLinkAnswerRequest } from '@linju/core';
import { publicProcedure } from '../../trpc.ts';
import { filesOf } from '../case/files.ts';
import { answerAsReceiver } from '../referral/answer-as-receiver.ts';
import { engineOf } from '../referral/engine-of.ts';
import { openLinkReferral } from './open-link-referral.ts';

/**
 * No sign-in: the partner answers its referral through its one-time link (accept, reject with a
 * reason, in progress, complete with an outcome and its documents, fail with a reason and
 * optionally an outcome), through the same workflow, state machine and audit as the partner inbox
 * (`answerAsReceiver`), in the partner's name. An ended referral closes the link (see the effects).
 */
export const answer = publicProcedure.input(ZPartnerLinkAnswerRequest).mutation(async ({ ctx, input }) => {
  const { link, status, by } = await openLinkReferral(ctx, input.token, input.answeredBy);
  const snapshot = await answerAsReceiver(
    engineOf(ctx),
    filesOf(ctx),
    { tenantId: link.tenantId, id: link.referralId, status },
    by,
    input,
  );
  return { status: snapshot.state };
});
