import { organisationProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { consultationStatistics } from '../consultation-log.ts';

/** Consultation duration statistics of a unit and the units below it, in all and per channel. */
export const statistics = organisationProcedure({
  kind: 'query',
  permission: 'consultation.case.view',
  input: z
    .object({ organisationId: z.uuid(), from: z.coerce.date(), to: z.coerce.date() })
    .refine((q) => q.to > q.from, { path: ['to'], message: 'consultation.period_invalid' }),
  run: async (ctx, input) => {
    const units = await ctx.organisations.subtree(input.organisationId);
    return consultationStatistics(ctx.db, {
      organisationIds: units.map((unit) => unit.id),
      from: input.from,
      to: input.to,
    });
  },
});
