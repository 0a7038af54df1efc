import { atPluginOrganisation } from '@linju/core';
import { recordEvent as record, ZRecordEventRequest } from '@linju/plugin-legal-education';
import { permittedProcedure } from '../../trpc.ts';

/** Records a publicity event a unit held: theme, venue, audience, attendance, materials. */
export const recordEvent = permittedProcedure('case.handle')
  .input(ZRecordEventRequest)
  .mutation(({ ctx, input }) =>
    atPluginOrganisation(ctx.tx, ctx.actor, 'legal-education', input.organisationId, 'case.handle', (db) =>
      record(db, input, ctx.actor.name),
    ),
  );
