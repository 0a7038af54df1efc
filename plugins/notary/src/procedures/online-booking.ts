import { publicProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { slotTime } from '../appointment-message.ts';
import { comingBookingsOfCases, slotsAhead } from '../booking.ts';
import { NOTARY_MATTER_DETAILS, NOTARY_MATTERS, type NotaryMatter } from '../notary-matters.ts';

const documentsOf = (matter: NotaryMatter) =>
  NOTARY_MATTER_DETAILS[matter].requiredDocuments.map((d) => ({
    id: d.id,
    name: d.name,
    optional: d.optional === true,
  }));

/**
 * Everything the resident's booking screen shows, in one call: the matters with what to bring,
 * the open slots of the next 14 days at each office (full ones as full), and the resident's own
 * coming appointments (none before they verified their phone). Times as the district's clocks say.
 * Just after booking (`booked`, with its `matter`): the confirmation, with what to bring.
 */
export const onlineBooking = publicProcedure({
  kind: 'query',
  input: z.object({
    booked: z.string().optional(),
    matter: z.enum(NOTARY_MATTERS).optional().catch(undefined),
    cancelled: z.string().optional(),
  }),
  run: async (ctx, input) => {
    const timeZone = await ctx.timeZone();
    const places = new Map((await ctx.servicePoints()).map((point) => [point.id, point.name]));
    const placeOf = (officeId: string) => places.get(officeId) ?? { 'zh-CN': '', en: '' };
    const cases = await ctx.residentCases();
    const numbers = new Map(cases.map((c) => [c.caseId, c.number]));
    const bookings = await comingBookingsOfCases(
      ctx.db,
      cases.map((c) => c.caseId),
    );
    const shown = bookings.map((booking) => ({
      id: booking.id,
      number: numbers.get(booking.caseId) ?? '',
      place: placeOf(booking.officeId),
      time: slotTime(booking, timeZone),
    }));
    const booked = shown.find((booking) => booking.id === input.booked);
    return {
      confirmation: booked ? { ...booked, documents: input.matter ? documentsOf(input.matter) : [] } : null,
      cancelled: input.cancelled !== undefined,
      matters: NOTARY_MATTERS.map((id) => ({
        id,
        name: NOTARY_MATTER_DETAILS[id].name,
        description: NOTARY_MATTER_DETAILS[id].description,
        documents: documentsOf(id),
      })),
      slots: (await slotsAhead(ctx.db)).map((slot) => ({
        id: slot.id,
        place: placeOf(slot.officeId),
        time: slotTime(slot, timeZone),
        left: Math.max(0, slot.capacity - slot.booked),
        full: slot.booked >= slot.capacity,
      })),
      bookings: shown,
    };
  },
});
