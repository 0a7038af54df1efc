import { atPluginOrganisation } from '@linju/core';
import { consultationStatistics } from '@linju/plugin-consultation';
import { z } from 'zod';
import { pluginPermittedProcedure } from '../../trpc.ts';
import { unitsUnder } from '../units-under.ts';

/** Consultation duration statistics of a unit and the units below it, in all and per channel. */
export const statistics = pluginPermittedProcedure('consultation.case.view')
  .input(
    z
      .object({ organisationId: z.uuid(), from: z.coerce.date(), to: z.coerce.date() })
      .refine((q) => q.to > q.from, { path: ['to'], message: 'legal_education.period_invalid' }),
  )
  .query(({ ctx, input }) =>
    atPluginOrganisation(ctx.tx, ctx.actor, 'consultation', input.organisationId, ctx.carrier, async (db) => {
      const { ids } = await unitsUnder(ctx.tx, input.organisationId);
      return consultationStatistics(db, { organisationIds: ids, from: input.from, to: input.to });
    }),
  );
