import { organisationProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { listEvents, ZEventPeriod } from '../events.ts';
import { unitsUnder } from '../units-under.ts';

/** The publicity events of a unit and the units below it, in a period. */
export const getEvents = organisationProcedure({
  kind: 'query',
  permission: 'legal-education.event.view',
  input: z.object({ organisationId: z.uuid(), period: ZEventPeriod }),
  run: async (ctx, input) => {
    const { ids } = await unitsUnder(ctx, input.organisationId);
    return listEvents(ctx.db, { organisationIds: ids, ...input.period });
  },
});
