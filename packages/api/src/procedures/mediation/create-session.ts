import { onPluginCase } from '@linju/core';
import { recordSession, ZRecordSessionRequest } from '@linju/plugin-mediation';
import { permittedProcedure } from '../../trpc.ts';

/** Records a mediation session: when, where, what happened and how it ended. */
export const createSession = permittedProcedure('case.handle')
  .input(ZRecordSessionRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'mediation', input.caseId, 'case.handle', async (db) => {
      const session = await recordSession(db, input, ctx.actor.name);
      return {
        result: session,
        timeline: {
          text: session.summary,
          action: 'mediation.session.recorded',
          data: {
            event: 'session-recorded',
            sessionId: session.id,
            outcome: session.outcome,
            place: session.place,
          },
        },
      };
    }),
  );
