import { organisationProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { listSlots } from '../booking.ts';

/** The slots of a notary office in a period (at most 62 days), with their bookings counted. */
export const getSlots = organisationProcedure({
  kind: 'query',
  permission: 'notary.matter.view',
  input: z
    .object({ organisationId: z.uuid(), from: z.coerce.date(), to: z.coerce.date() })
    .refine((q) => q.to > q.from && q.to.getTime() - q.from.getTime() <= 62 * 86_400_000, {
      path: ['to'],
      message: 'notary.period_invalid',
    }),
  run: (ctx, input) => listSlots(ctx.db, input),
});
