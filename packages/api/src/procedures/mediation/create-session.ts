import { onPluginCase } from '@linju/core';
import { recordSession, ZRecordSessionRequest } from '@linju/plugin-mediation';
import { pluginPermittedProcedure } from '../../trpc.ts';

/** Records a mediation session: when, where, what happened and how it ended. */
export const createSession = pluginPermittedProcedure('mediation.case.mediate')
  .input(ZRecordSessionRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'mediation', input.caseId, ctx.carrier, async (db) => {
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
