import { attachmentContent, referralForReceiver } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';
import { filesOf } from '../case/files.ts';

/**
 * A document that came with a referral, for its partner (base64); one that came through the
 * exchange is fetched from the sender's node on first read and kept. Each read is audited.
 */
export const attachment = permittedProcedure('referral.respond')
  .input(z.object({ referralId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
  .query(async ({ ctx, input }) => {
    const { referral } = await referralForReceiver(ctx.tx, ctx.actor, input.referralId);
    return attachmentContent(ctx.tx, filesOf(ctx), ctx.fetchFromPeer, referral, input.sha256, ctx.actor);
  });
