import { ZPartnerLinkNoteRequest } from '@linju/core';
import { applyReferralNote } from '@linju/workflows';
import { publicProcedure } from '../../trpc.ts';
import { engineOf } from '../referral/engine-of.ts';
import { openLinkReferral } from './open-link-referral.ts';

/**
 * No sign-in: a progress note from the partner through its one-time link (spec: `note`), through
 * the same workflow update and audit as a note from the inbox, in the partner's name. It lands on
 * the sender's case timeline; no state changes, and an ended referral takes none.
 */
export const note = publicProcedure.input(ZPartnerLinkNoteRequest).mutation(async ({ ctx, input }) => {
  const { link, by } = await openLinkReferral(ctx, input.token, input.answeredBy);
  const engine = engineOf(ctx);
  const snapshot = await applyReferralNote(engine, link.tenantId, link.referralId, { by, text: input.text });
  return { status: snapshot.state };
});
