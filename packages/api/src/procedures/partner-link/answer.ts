import {
  DomainError,
  partnerLinkActor,
  storeOutcomeDocuments,
  usablePartnerLink,
  ZPartnerLinkAnswerRequest,
} from '@linju/core';
import { eq, schema, withTenant } from '@linju/db';
import { isTerminalReferralState } from '@linju/workflows';
import { publicProcedure } from '../../trpc.ts';
import { filesOf } from '../case/files.ts';
import { applyReferralEvent, engineOf } from '../referral/engine.ts';

/**
 * No sign-in: the partner answers its referral through its one-time link (accept, reject with a
 * reason, in progress, complete with an outcome and its documents, fail), through the same workflow, state machine
 * and audit as the partner inbox, in the partner's name. As in the inbox, a referral still
 * `requested` is first marked `received`. An ended referral closes the link (see the effects).
 */
export const answer = publicProcedure.input(ZPartnerLinkAnswerRequest).mutation(async ({ ctx, input }) => {
  const link = await usablePartnerLink(ctx.db, input.token, ctx.ip);
  const engine = engineOf(ctx);
  const found = await withTenant(ctx.db, link.tenantId, async (tx) => {
    const [row] = await tx.select().from(schema.referral).where(eq(schema.referral.id, link.referralId));
    if (!row) return undefined;
    const [partner] = await tx
      .select({ nameZh: schema.organisation.nameZh })
      .from(schema.organisation)
      .where(eq(schema.organisation.id, row.toOrganisationId));
    return { status: row.status, partnerName: partner?.nameZh ?? '' };
  });
  if (!found) throw new DomainError('not-found', 'partner_link.invalid', { field: 'token' });
  if (isTerminalReferralState(found.status)) {
    throw new DomainError('conflict', 'referral.transition_invalid', {
      params: { currentState: found.status },
    });
  }
  const by = partnerLinkActor(found.partnerName, input.answeredBy || undefined);
  if (found.status === 'requested' && input.type !== 'received') {
    await applyReferralEvent(engine, link.tenantId, link.referralId, { type: 'received', by });
  }
  // As in the inbox: the returned documents are stored first, the workflow carries their digests.
  const outcome = input.outcome
    ? {
        code: input.outcome.code,
        text: input.outcome.text,
        ...(input.type === 'completed' && input.outcome.documents?.length
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
