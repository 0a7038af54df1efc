import { publicProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { textAppointment } from '../appointment-message.ts';
import { bookingNote, bookSlot, getSlot, officeOfSlot } from '../booking.ts';
import { NOTARY_MATTER_DETAILS, NOTARY_MATTERS } from '../notary-matters.ts';

export const ZBookOnlineRequest = z.object({
  slotId: z.uuid({ message: 'notary.slot_not_found' }),
  matterType: z.enum(NOTARY_MATTERS, { message: 'notary.matter_required' }),
  applicantName: z.string().trim().min(1, { message: 'notary.applicant_required' }).max(50),
});

/**
 * 网上预约公证: the resident who verified their phone picks a matter and an open slot; the matter is
 * taken in online as a notarial case at the slot's office and the slot booked for it, in the one
 * transaction of the request — a full slot (已约满) leaves no case behind. The confirmation SMS
 * is queued with it.
 */
export const bookOnline = publicProcedure({
  kind: 'mutation',
  input: ZBookOnlineRequest,
  run: async (ctx, input) => {
    const officeId = await officeOfSlot(ctx.db, input.slotId);
    const matter = NOTARY_MATTER_DETAILS[input.matterType].name['zh-CN'];
    const online = await ctx.openOnlineCase({
      organisationId: officeId,
      categoryId: input.matterType,
      residentName: input.applicantName,
      summary: `网上预约办理${matter}`,
      form: { matterType: input.matterType, applicantName: input.applicantName },
    });
    const booking = await bookSlot(
      ctx.db,
      { slotId: input.slotId, caseId: online.caseId },
      input.applicantName,
    );
    const note = bookingNote(booking);
    await ctx.db.audit({
      action: 'notary.booking.created',
      objectType: 'notary_booking',
      objectId: booking.id,
      after: { ...note.data, caseId: online.caseId, online: true },
    });
    const slot = await getSlot(ctx.db, booking.slotId);
    await textAppointment(ctx, 'appointment-confirmation', slot, online.caseId);
    return {
      caseId: online.caseId,
      number: online.number,
      matterType: input.matterType,
      bookingId: booking.id,
      slotId: booking.slotId,
      officeId: slot.officeId,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
    };
  },
});
