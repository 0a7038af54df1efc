import { DomainError, partnerLinkActor, usablePartnerLink } from '@linju/core';
import { eq, schema, withTenant } from '@linju/db';
import { isTerminalReferralState } from '@linju/workflows';
import type { ApiContext } from '../../trpc.ts';

/**
 * The referral behind a usable one-time link, still open to answers and notes, with the actor the
 * partner answers as (its organisation's name; the person who answered, if they gave one). An
 * unknown token, a referral gone or one already ended is refused.
 */
export async function openLinkReferral(
  ctx: Pick<ApiContext, 'db' | 'ip'>,
  token: string,
  answeredBy: string | undefined,
) {
  const link = await usablePartnerLink(ctx.db, token, ctx.ip);
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
  return { link, status: found.status, by: partnerLinkActor(found.partnerName, answeredBy || undefined) };
}
