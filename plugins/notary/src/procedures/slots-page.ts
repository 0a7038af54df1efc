import { unitsProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { listSlots } from '../booking.ts';
import { notaryOffices } from '../notary-offices.ts';
import { daysFrom } from '../slot-window.ts';

/** How far ahead the appointment book is shown (the slots query allows 62 days). */
export const BOOK_DAYS = 28;

/**
 * The notary offices' appointment book: the offices, and the next weeks' slots of the one asked for
 * (else the first), shown only where the person holds the permission (a station's staff, their own).
 */
export const slotsPage = unitsProcedure({
  kind: 'query',
  permission: 'notary.matter.view',
  input: z.object({ office: z.string().optional() }),
  sampleInput: (at) => ({ office: at.organisationId }),
  run: async (ctx, input) => {
    const offices = await notaryOffices(ctx);
    const officeId = offices.some((o) => o.id === input.office)
      ? (input.office ?? '')
      : (offices[0]?.id ?? '');
    const slots =
      officeId && (await ctx.allows('notary.matter.view', officeId))
        ? await listSlots(ctx.db, {
            organisationId: officeId,
            ...daysFrom(await ctx.calendar.today(), BOOK_DAYS),
          })
        : [];
    return { offices, officeId, slots, days: BOOK_DAYS };
  },
});
