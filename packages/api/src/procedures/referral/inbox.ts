import { attachmentSummary, listInbox, referralAttachments, referralNotes, ZInboxRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/**
 * A partner user's inbox: referrals addressed to their organisation, with the subject sent and
 * the documents that came with each (read through `referral.attachment`) and both sides' notes.
 */
export const inbox = permittedProcedure('referral.respond')
  .input(ZInboxRequest)
  .query(async ({ ctx, input }) => {
    const items = await listInbox(ctx.tx, ctx.actor, ctx.box, input);
    const ids = items.map((i) => i.id);
    const attachments = await referralAttachments(ctx.tx, ids);
    // Both sides' notes: the partner's own, and the sender's (through the exchange or the district).
    const notes = await referralNotes(ctx.tx, ids);
    return items.map((i) => ({
      ...i,
      attachments: attachments.filter((a) => a.referralId === i.id).map(attachmentSummary),
      notes: notes
        .filter((n) => n.referralId === i.id)
        .map(({ at, by, party, text }) => ({ at, by, party, text })),
    }));
  });
