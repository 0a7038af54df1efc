import { organisationProcedure } from '@linju/plugin-sdk';
import { educationEventFact, recordEvent as record, ZRecordEventRequest } from '../events.ts';

/** Records a publicity event a unit held: theme, venue, audience, attendance, materials (and counts it in the statistics). */
export const recordEvent = organisationProcedure({
  kind: 'mutation',
  permission: 'legal-education.event.manage',
  input: ZRecordEventRequest,
  run: async (ctx, input) => {
    const event = await record(ctx.db, input, ctx.actor.name);
    // Events and attendance in the statistics roll-ups, in the same transaction.
    await ctx.statistics.count('events', educationEventFact(event));
    return event;
  },
});
