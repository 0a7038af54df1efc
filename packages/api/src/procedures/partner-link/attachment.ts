import { attachmentContent, partnerLinkActor, usablePartnerLink, ZPartnerLinkRequest } from '@linju/core';
import { eq, schema, withTenant } from '@linju/db';
import { z } from 'zod';
import { publicProcedure } from '../../trpc.ts';
import { filesOf } from '../case/files.ts';

/** No sign-in: a document that came with the link's referral (base64), read in the partner's name. */
export const attachment = publicProcedure
  .input(ZPartnerLinkRequest.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
  .query(async ({ ctx, input }) => {
    const link = await usablePartnerLink(ctx.db, input.token, ctx.ip);
    return withTenant(ctx.db, link.tenantId, async (tx) => {
      const [row] = await tx.select().from(schema.referral).where(eq(schema.referral.id, link.referralId));
      if (!row) throw new Error(`partner link of a missing referral ${link.referralId}`);
      const [partner] = await tx
        .select({ nameZh: schema.organisation.nameZh })
        .from(schema.organisation)
        .where(eq(schema.organisation.id, row.toOrganisationId));
      const reader = partnerLinkActor(partner?.nameZh ?? '');
      return attachmentContent(tx, filesOf(ctx), ctx.fetchFromPeer, row, input.sha256, {
        id: null,
        name: reader.name,
      });
    });
  });
