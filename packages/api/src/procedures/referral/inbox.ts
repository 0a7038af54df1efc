import { attachmentSummary, listInbox, referralAttachments, ZInboxRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/**
 * A partner user's inbox: referrals addressed to their organisation, with the subject sent and
 * the documents that came with each (read through `referral.attachment`).
 */
export const inbox = permittedProcedure('referral.respond')
  .input(ZInboxRequest)
  .query(async ({ ctx, input }) => {
    const items = await listInbox(ctx.tx, ctx.actor, ctx.box, input);
    const attachments = await referralAttachments(
      ctx.tx,
      items.map((i) => i.id),
    );
    return items.map((i) => ({
      ...i,
      attachments: attachments.filter((a) => a.referralId === i.id).map(attachmentSummary),
    }));
  });
