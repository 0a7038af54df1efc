import { atPluginOrganisation } from '@linju/core';
import { listEvents, ZEventPeriod } from '@linju/plugin-legal-education';
import { z } from 'zod';
import { pluginPermittedProcedure } from '../../trpc.ts';
import { unitsUnder } from '../units-under.ts';

/** The publicity events of a unit and the units below it, in a period. */
export const getEvents = pluginPermittedProcedure('legal-education.event.view')
  .input(z.object({ organisationId: z.uuid(), period: ZEventPeriod }))
  .query(({ ctx, input }) =>
    atPluginOrganisation(
      ctx.tx,
      ctx.actor,
      'legal-education',
      input.organisationId,
      ctx.carrier,
      async (db) => {
        const { ids } = await unitsUnder(ctx.tx, input.organisationId);
        return listEvents(db, { organisationIds: ids, ...input.period });
      },
    ),
  );
