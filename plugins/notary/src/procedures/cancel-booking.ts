import { caseProcedure } from '@linju/plugin-sdk';
import { cancelBooking as cancel, ZCancelBookingRequest } from '../booking.ts';

/** Cancels an appointment of a case, giving the reason; its place in the slot is free again. */
export const cancelBooking = caseProcedure({
  kind: 'mutation',
  permission: 'notary.matter.accept',
  input: ZCancelBookingRequest,
  run: async (ctx, input) => {
    const booking = await cancel(ctx.db, input);
    await ctx.recordOnTimeline({
      text: input.reason,
      action: 'notary.booking.cancelled',
      data: { event: 'booking-cancelled', bookingId: booking.id },
    });
    return booking;
  },
});
