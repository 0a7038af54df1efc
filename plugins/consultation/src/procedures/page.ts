import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { consultationStatistics, logOfCase } from '../consultation-log.ts';
import { districtMonth } from '../district-month.ts';
import { CONSULTATION_CHANNELS } from '../vocabulary.ts';

/** How many advisers the page lists before pointing to the advisers page. */
const DUTY_SHOWN = 8;

/**
 * Everything the consultation page of a case shows, in one call: its log, the community lawyer
 * advisers on duty in the unit's subtree (一居一法律顾问), and the unit's durations this month
 * (only for those who may see the unit's figures).
 */
export const page = caseProcedure({
  kind: 'query',
  permission: 'consultation.case.view',
  input: z.object({ caseId: z.uuid() }),
  run: async (ctx, input) => {
    const unitId = ctx.case.organisationId;
    const today = await ctx.calendar.today();
    // One after the other: the plugin's statements and the platform's share the transaction.
    const logs = await logOfCase(ctx.db, input.caseId);
    const current = await ctx.advisers.currentUnder(unitId);
    const organisations = await ctx.organisations.list();
    const mayCount = await ctx.allows('consultation.case.view', unitId);
    const onDuty = current.slice(0, DUTY_SHOWN).map((adviser) => ({
      id: adviser.id,
      lawyerName: adviser.lawyerName,
      lawFirm: adviser.lawFirm,
      room: organisations.find((o) => o.id === adviser.organisationId)?.name ?? null,
    }));
    const units = mayCount ? await ctx.organisations.subtree(unitId) : [];
    const channel = (ctx.case.form as Record<string, unknown> | null)?.channel;
    return {
      case: {
        id: ctx.case.id,
        number: ctx.case.number,
        channel: CONSULTATION_CHANNELS.find((c) => c === channel) ?? 'walk-in',
      },
      logs,
      onDuty,
      moreOnDuty: current.length - onDuty.length,
      statistics: mayCount
        ? await consultationStatistics(ctx.db, {
            organisationIds: units.map((u) => u.id),
            ...districtMonth(today),
          })
        : null,
    };
  },
});
