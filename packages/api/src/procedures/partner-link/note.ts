import { DomainError, partnerLinkActor, usablePartnerLink, ZPartnerLinkNoteRequest } from '@linju/core';
import { eq, schema, withTenant } from '@linju/db';
import { isTerminalReferralState } from '@linju/workflows';
import { publicProcedure } from '../../trpc.ts';
import { applyReferralNote, engineOf } from '../referral/engine.ts';

/**
 * No sign-in: a progress note from the partner through its one-time link (spec: `note`), through
 * the same workflow update and audit as a note from the inbox, in the partner's name. It lands on
 * the sender's case timeline; no state changes, and an ended referral takes none.
 */
export const note = publicProcedure.input(ZPartnerLinkNoteRequest).mutation(async ({ ctx, input }) => {
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
  const snapshot = await applyReferralNote(engine, link.tenantId, link.referralId, { by, text: input.text });
  return { status: snapshot.state };
});
