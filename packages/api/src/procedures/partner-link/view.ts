import { partnerLinkView, ZPartnerLinkRequest } from '@linju/core';
import { publicProcedure } from '../../trpc.ts';

/** No sign-in: the one referral a partner's one-time link opens (or why it no longer opens). */
export const view = publicProcedure.input(ZPartnerLinkRequest).query(async ({ ctx, input }) => {
  const { link, ...shown } = await partnerLinkView(ctx.db, ctx.box, input.token, ctx.ip);
  return { ...shown, expiresAt: link.expiresAt };
});
