import { atPluginOrganisation } from '@linju/core';
import { listSlots } from '@linju/plugin-notary';
import { z } from 'zod';
import { pluginPermittedProcedure } from '../../trpc.ts';

/** The slots of a notary office in a period (at most 62 days), with their bookings counted. */
export const getSlots = pluginPermittedProcedure('notary.matter.view')
  .input(
    z
      .object({ officeId: z.uuid(), from: z.coerce.date(), to: z.coerce.date() })
      .refine((q) => q.to > q.from && q.to.getTime() - q.from.getTime() <= 62 * 86_400_000, {
        path: ['to'],
        message: 'notary.period_invalid',
      }),
  )
  .query(({ ctx, input }) =>
    atPluginOrganisation(ctx.tx, ctx.actor, 'notary', input.officeId, ctx.carrier, (db) =>
      listSlots(db, input),
    ),
  );
