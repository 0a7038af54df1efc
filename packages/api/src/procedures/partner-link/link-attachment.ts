import { partnerLinkActor, usablePartnerLink, ZPartnerLinkRequest } from '@linju/core';
import { eq, schema, type TenantTx, withTenant } from '@linju/db';
import { z } from 'zod';
import type { ApiContext } from '../../trpc.ts';

/** A document of the link's referral, named by its digest. */
export const ZLinkAttachmentRequest = ZPartnerLinkRequest.extend({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

type ReferralRow = typeof schema.referral.$inferSelect;

/** No sign-in: `read` runs in the district of the link's referral, in the partner's name. */
export async function withLinkReferral<T>(
  ctx: Pick<ApiContext, 'db' | 'ip'>,
  token: string,
  read: (tx: TenantTx, referral: ReferralRow, reader: { id: null; name: string }) => Promise<T>,
): Promise<T> {
  const link = await usablePartnerLink(ctx.db, token, ctx.ip);
  return withTenant(ctx.db, link.tenantId, async (tx) => {
    const [row] = await tx.select().from(schema.referral).where(eq(schema.referral.id, link.referralId));
    if (!row) throw new Error(`partner link of a missing referral ${link.referralId}`);
    const [partner] = await tx
      .select({ nameZh: schema.organisation.nameZh })
      .from(schema.organisation)
      .where(eq(schema.organisation.id, row.toOrganisationId));
    return read(tx, row, { id: null, name: partnerLinkActor(partner?.nameZh ?? '').name });
  });
}
