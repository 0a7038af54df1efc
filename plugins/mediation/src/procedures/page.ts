import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { mediationRecordOf } from './mediation-record-of.ts';

/**
 * Everything the mediation screen shows, in one call: the case's number and status, the record
 * with its parties, the open courts an agreement may be put to, and the statute citations of the
 * agreement's terms, each checked (one list a term).
 */
export const page = caseProcedure({
  kind: 'query',
  permission: 'mediation.case.view',
  input: z.object({ caseId: z.uuid() }),
  run: async (ctx) => {
    const { parties, ...record } = await mediationRecordOf(ctx);
    const courts = await ctx.organisations.list({ kinds: ['court'] });
    const terms = record.agreement?.terms ?? [];
    const termCitations = await Promise.all(terms.map((term) => ctx.knowledge.statutes.checkCitations(term)));
    return {
      case: { id: ctx.case.id, number: ctx.case.number, status: ctx.case.status },
      parties,
      record,
      courts: courts.filter((court) => !court.closed),
      termCitations,
    };
  },
});
