import { atPluginOrganisation, recountCorrectedEducationEvent } from '@linju/core';
import { updateEvent as update, ZUpdateEventRequest } from '@linju/plugin-legal-education';
import { pluginPermittedProcedure } from '../../trpc.ts';

/**
 * Corrects a publicity event of a unit (staff who may record events there), and moves it in the
 * statistics roll-ups in the same transaction.
 */
export const updateEvent = pluginPermittedProcedure('legal-education.event.manage')
  .input(ZUpdateEventRequest)
  .mutation(({ ctx, input }) =>
    atPluginOrganisation(
      ctx.tx,
      ctx.actor,
      'legal-education',
      input.organisationId,
      ctx.carrier,
      async (db) => {
        const { before, event } = await update(db, input);
        await recountCorrectedEducationEvent(ctx.tx, ctx.tenantId, before, event);
        return event;
      },
    ),
  );
