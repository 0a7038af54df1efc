import { onPluginCase } from '@linju/core';
import { cancelBooking as cancel, ZCancelBookingRequest } from '@linju/plugin-notary';
import { pluginPermittedProcedure } from '../../trpc.ts';

/** Cancels an appointment of a case, giving the reason; its place in the slot is free again. */
export const cancelBooking = pluginPermittedProcedure('notary.matter.accept')
  .input(ZCancelBookingRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'notary', input.caseId, ctx.carrier, async (db) => {
      const booking = await cancel(db, input);
      return {
        result: booking,
        timeline: {
          text: input.reason,
          action: 'notary.booking.cancelled',
          data: { event: 'booking-cancelled', bookingId: booking.id },
        },
      };
    }),
  );
