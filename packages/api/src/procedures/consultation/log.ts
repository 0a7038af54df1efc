import { countConsultation, onPluginCase } from '@linju/core';
import { logConsultation, logOfCase, ZLogConsultationRequest } from '@linju/plugin-consultation';
import { z } from 'zod';
import { pluginPermittedProcedure } from '../../trpc.ts';

/** Writes the answer given on a consultation case into the log, with its duration and follow-up. */
export const createLog = pluginPermittedProcedure('consultation.case.answer')
  .input(ZLogConsultationRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'consultation', input.caseId, ctx.carrier, async (db, c) => {
      const log = await logConsultation(db, input, c.row.currentOrganisationId, ctx.actor.name);
      // Consultation (and hotline) minutes in the statistics roll-ups, in the same transaction.
      await countConsultation(ctx.tx, ctx.tenantId, log);
      return {
        result: log,
        timeline: {
          text: log.answer,
          action: 'consultation.log.written',
          data: {
            event: 'consultation-logged',
            logId: log.id,
            channel: log.channel,
            minutes: log.durationMinutes,
            followUp: log.followUp,
          },
        },
      };
    }),
  );

/** The consultation log of a case. */
export const getLogs = pluginPermittedProcedure('consultation.case.view')
  .input(z.object({ caseId: z.uuid() }))
  .query(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'consultation', input.caseId, ctx.carrier, async (db) => ({
      result: await logOfCase(db, input.caseId),
    })),
  );
