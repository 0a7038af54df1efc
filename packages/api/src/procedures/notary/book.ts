import { onPluginCase } from '@linju/core';
import {
  bookingNote,
  bookSlot,
  notaryIntakeForm,
  withIntakeFlags,
  ZBookSlotRequest,
} from '@linju/plugin-notary';
import { pluginPermittedProcedure } from '../../trpc.ts';

/**
 * Books an appointment for a notarial case; expedited and green-channel (home visit) flags go with
 * it, taken from the case's intake form unless the desk sets them here.
 */
export const book = pluginPermittedProcedure('notary.matter.accept')
  .input(ZBookSlotRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'notary', input.caseId, ctx.carrier, async (db, c) => {
      const intake = notaryIntakeForm.safeParse(c.row.form);
      const request = intake.success ? withIntakeFlags(input, intake.data) : input;
      const booking = await bookSlot(db, request, ctx.actor.name);
      return { result: booking, timeline: { ...bookingNote(booking), action: 'notary.booking.created' } };
    }),
  );
