import { caseProcedure } from '@linju/plugin-sdk';
import { recordSession, ZRecordSessionRequest } from '../mediation-record.ts';

/** Records a mediation session: when, where, what happened and how it ended. */
export const createSession = caseProcedure({
  kind: 'mutation',
  permission: 'mediation.case.mediate',
  input: ZRecordSessionRequest,
  run: async (ctx, input) => {
    const session = await recordSession(ctx.db, input, ctx.actor.name);
    await ctx.recordOnTimeline({
      text: session.summary,
      action: 'mediation.session.recorded',
      data: {
        event: 'session-recorded',
        sessionId: session.id,
        outcome: session.outcome,
        place: session.place,
      },
    });
    return session;
  },
});
