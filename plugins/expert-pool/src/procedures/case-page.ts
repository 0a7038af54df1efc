import { anyCaseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { availabilityOn } from '../availability.ts';
import { isOverdue } from '../expert-load.ts';
import { listExperts } from '../experts.ts';
import { requestsOfCase } from '../opinion-requests.ts';
import { LAW_FIELDS } from '../vocabulary.ts';

/**
 * Everything a case's 研判 page shows, in one call: the requests on the case (overdue ones
 * marked), and the experts to choose from, filtered by field and (unless `available` is `all`)
 * by who can be asked today; what the person may do there.
 */
export const casePage = anyCaseProcedure({
  kind: 'query',
  permission: 'expert-pool.opinion.view',
  input: z.object({ caseId: z.uuid(), field: z.string().optional(), available: z.string().optional() }),
  run: async (ctx, input) => {
    const today = await ctx.calendar.today();
    const experts = (await listExperts(ctx.db)).map((e) => ({ ...e, availableOn: availabilityOn(e, today) }));
    const nameOf = new Map(experts.map((e) => [e.id, e]));
    const field = LAW_FIELDS.find((f) => f === input.field) ?? null;
    const availableOnly = input.available !== 'all';
    const requests = (await requestsOfCase(ctx.db, ctx.case.id)).map((r) => ({
      ...r,
      expertName: nameOf.get(r.expertId)?.name ?? '',
      expertKind: nameOf.get(r.expertId)?.kind ?? 'lawyer',
      expertAnswersInApp: nameOf.get(r.expertId)?.staffId != null,
      overdue: isOverdue(r, today),
    }));
    return {
      case: { id: ctx.case.id, number: ctx.case.number, status: ctx.case.status },
      today,
      field,
      availableOnly,
      requests,
      experts: experts.filter(
        (e) =>
          (field === null || e.fields.includes(field)) && (!availableOnly || e.availableOn === 'available'),
      ),
      mayRequest: await ctx.allows('expert-pool.opinion.request', ctx.case.organisationId),
      mayRecord: await ctx.allows('expert-pool.opinion.record', ctx.case.organisationId),
    };
  },
});
