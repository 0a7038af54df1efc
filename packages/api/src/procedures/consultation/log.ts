import { countConsultation, onPluginCase } from '@linju/core';
import { logConsultation, logOfCase, ZLogConsultationRequest } from '@linju/plugin-consultation';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** Writes the answer given on a consultation case into the log, with its duration and follow-up. */
export const createLog = permittedProcedure('case.handle')
  .input(ZLogConsultationRequest)
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'consultation', input.caseId, 'case.handle', async (db, c) => {
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
export const getLogs = permittedProcedure('case.read')
  .input(z.object({ caseId: z.uuid() }))
  .query(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'consultation', input.caseId, 'case.read', async (db) => ({
      result: await logOfCase(db, input.caseId),
    })),
  );
