import { PluginRuleError, publicProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { textAppointment } from '../appointment-message.ts';
import { cancelBooking, comingBookingsOfCases } from '../booking.ts';

export const ZCancelOnlineRequest = z.object({ bookingId: z.uuid({ message: 'notary.booking_not_found' }) });

/** What the office's record says of a cancellation the resident made on the site. */
const REASON = '居民网上取消预约';

/**
 * The verified resident cancels one of their coming notary appointments: its place in the slot is
 * free again, the cancellation audited and texted to them. Another's booking is not theirs to see:
 * refused as if it did not exist.
 */
export const cancelOnline = publicProcedure({
  kind: 'mutation',
  input: ZCancelOnlineRequest,
  run: async (ctx, input) => {
    const caseIds = (await ctx.residentCases()).map((c) => c.caseId);
    const booking = (await comingBookingsOfCases(ctx.db, caseIds)).find((b) => b.id === input.bookingId);
    if (!booking) throw new PluginRuleError('not-found', 'notary.booking_not_found', { field: 'bookingId' });
    await cancelBooking(ctx.db, { caseId: booking.caseId, bookingId: booking.id, reason: REASON });
    await ctx.db.audit({
      action: 'notary.booking.cancelled',
      objectType: 'notary_booking',
      objectId: booking.id,
      after: { event: 'booking-cancelled', caseId: booking.caseId, online: true },
    });
    await textAppointment(ctx, 'appointment-cancelled', booking, booking.caseId);
    return { bookingId: booking.id };
  },
});
