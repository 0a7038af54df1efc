import { caseProcedure } from '@linju/plugin-sdk';
import { bookingNote, bookSlot, withIntakeFlags, ZBookSlotRequest } from '../booking.ts';
import { notaryIntakeForm } from '../intake-form.ts';

/**
 * Books an appointment for a notarial case; expedited and green-channel (home visit) flags go with
 * it, taken from the case's intake form unless the desk sets them here.
 */
export const book = caseProcedure({
  kind: 'mutation',
  permission: 'notary.matter.accept',
  input: ZBookSlotRequest,
  run: async (ctx, input) => {
    const intake = notaryIntakeForm.safeParse(ctx.case.form);
    const request = intake.success ? withIntakeFlags(input, intake.data) : input;
    const booking = await bookSlot(ctx.db, request, ctx.actor.name);
    await ctx.recordOnTimeline({ ...bookingNote(booking), action: 'notary.booking.created' });
    return booking;
  },
});
