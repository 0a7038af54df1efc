import { organisationProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { campaignReport, listEvents, ZEventPeriod } from '../events.ts';
import { unitsUnder } from '../units-under.ts';

/** The publicity report of a subtree for a period, with the service points that missed a themed day. */
export const report = organisationProcedure({
  kind: 'query',
  permission: 'legal-education.event.view',
  input: z.object({ organisationId: z.uuid(), period: ZEventPeriod }),
  run: async (ctx, input) => {
    const units = await unitsUnder(ctx, input.organisationId);
    const events = await listEvents(ctx.db, { organisationIds: units.ids, ...input.period });
    return campaignReport(events, input.period, units.servicePoints);
  },
});
