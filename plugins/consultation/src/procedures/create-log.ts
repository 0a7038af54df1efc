import { caseProcedure } from '@linju/plugin-sdk';
import { consultationFact, logConsultation, ZLogConsultationRequest } from '../consultation-log.ts';

/** Writes the answer given on a consultation case into the log, with its duration and follow-up. */
export const createLog = caseProcedure({
  kind: 'mutation',
  permission: 'consultation.case.answer',
  input: ZLogConsultationRequest,
  run: async (ctx, input) => {
    const log = await logConsultation(ctx.db, input, ctx.case.organisationId, ctx.actor.name);
    // Consultation (and hotline) minutes in the statistics roll-ups, in the same transaction.
    await ctx.statistics.count('consultations', consultationFact(log));
    await ctx.recordOnTimeline({
      text: log.answer,
      action: 'consultation.log.written',
      data: {
        event: 'consultation-logged',
        logId: log.id,
        channel: log.channel,
        minutes: log.durationMinutes,
        followUp: log.followUp,
      },
    });
    return log;
  },
});
