import { atPluginOrganisation } from '@linju/core';
import { campaignReport, listEvents, ZEventPeriod } from '@linju/plugin-legal-education';
import { z } from 'zod';
import { pluginPermittedProcedure } from '../../trpc.ts';
import { unitsUnder } from '../units-under.ts';

/** The publicity report of a subtree for a period, with the service points that missed a themed day. */
export const report = pluginPermittedProcedure('legal-education.event.view')
  .input(z.object({ organisationId: z.uuid(), period: ZEventPeriod }))
  .query(({ ctx, input }) =>
    atPluginOrganisation(
      ctx.tx,
      ctx.actor,
      'legal-education',
      input.organisationId,
      ctx.carrier,
      async (db) => {
        const units = await unitsUnder(ctx.tx, input.organisationId);
        const events = await listEvents(db, { organisationIds: units.ids, ...input.period });
        return campaignReport(events, input.period, units.servicePoints);
      },
    ),
  );
