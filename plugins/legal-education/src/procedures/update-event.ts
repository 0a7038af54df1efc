import { organisationProcedure } from '@linju/plugin-sdk';
import { educationEventFact, updateEvent as update, ZUpdateEventRequest } from '../events.ts';

/**
 * Corrects a publicity event of a unit (staff who may record events there), and moves it in the
 * statistics roll-ups in the same transaction.
 */
export const updateEvent = organisationProcedure({
  kind: 'mutation',
  permission: 'legal-education.event.manage',
  input: ZUpdateEventRequest,
  run: async (ctx, input) => {
    const { before, event } = await update(ctx.db, input);
    await ctx.statistics.uncount('events', educationEventFact(before));
    await ctx.statistics.count('events', educationEventFact(event));
    return event;
  },
});
