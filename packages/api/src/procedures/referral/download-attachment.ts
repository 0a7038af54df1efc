import { openAttachment, referralForReceiver } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';
import { documentDownload, filesOf } from '../case/files.ts';

/** A document that came with a referral, as the partner inbox's download route streams it; each read is audited. */
export const downloadAttachment = permittedProcedure('referral.respond')
  .input(z.object({ referralId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }))
  .query(async ({ ctx, input }) => {
    const { referral } = await referralForReceiver(ctx.tx, ctx.actor, input.referralId);
    return documentDownload(
      ctx,
      await openAttachment(ctx.tx, filesOf(ctx), ctx.fetchFromPeer, referral, input.sha256, ctx.actor),
    );
  });
