import { atPluginOrganisation, countEducationEvent } from '@linju/core';
import { recordEvent as record, ZRecordEventRequest } from '@linju/plugin-legal-education';
import { pluginPermittedProcedure } from '../../trpc.ts';

/** Records a publicity event a unit held: theme, venue, audience, attendance, materials (and counts it in the statistics). */
export const recordEvent = pluginPermittedProcedure('legal-education.event.manage')
  .input(ZRecordEventRequest)
  .mutation(({ ctx, input }) =>
    atPluginOrganisation(
      ctx.tx,
      ctx.actor,
      'legal-education',
      input.organisationId,
      ctx.carrier,
      async (db) => {
        const event = await record(db, input, ctx.actor.name);
        // Events and attendance in the statistics roll-ups, in the same transaction.
        await countEducationEvent(ctx.tx, ctx.tenantId, event);
        return event;
      },
    ),
  );
