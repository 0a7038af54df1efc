import { publicProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { slotsAhead } from '../booking.ts';
import { NOTARY_MATTER_DETAILS, NOTARY_MATTERS } from '../notary-matters.ts';

/**
 * What a resident chooses from to book online (public): the notarial matters by name, and every
 * office's slots of the next 14 days with their places taken.
 */
export const publicSlots = publicProcedure({
  kind: 'query',
  input: z.object({}),
  run: async (ctx) => ({
    matters: NOTARY_MATTERS.map((id) => ({ id, name: NOTARY_MATTER_DETAILS[id].name })),
    slots: (await slotsAhead(ctx.db)).map(({ id, officeId, startsAt, endsAt, capacity, booked }) => ({
      id,
      officeId,
      startsAt,
      endsAt,
      capacity,
      booked,
      full: booked >= capacity,
    })),
  }),
});
