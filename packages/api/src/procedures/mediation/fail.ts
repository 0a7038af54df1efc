import { intakeCase, linkCases, onPluginCase } from '@linju/core';
import { pluginRegistry } from '@linju/plugins';
import { z } from 'zod';
import { pluginPermittedProcedure } from '../../trpc.ts';

const NEXT = {
  consultation: { link: 'lawyer-after-mediation', name: '律师咨询' },
  'legal-aid': { link: 'legal-aid', name: '法律援助' },
} as const;

/**
 * A mediation that failed goes on (链条式): a new case for lawyer consultation or legal aid, for
 * the same resident at the same unit, linked to this one so the chain shows from either end.
 */
export const fail = pluginPermittedProcedure('mediation.case.close')
  .input(
    z.object({
      caseId: z.uuid(),
      reason: z.string().trim().min(2).max(2000),
      next: z.enum(['consultation', 'legal-aid']),
    }),
  )
  .mutation(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'mediation', input.caseId, ctx.carrier, async (_db, c) => {
      const next = NEXT[input.next];
      const created = await intakeCase(
        ctx.tx,
        ctx.actor,
        ctx.box,
        {
          channel: c.row.channel,
          residentId: c.row.residentId,
          serviceType: input.next,
          description: `调解不成，转${next.name}（原案 ${c.row.number}）：${input.reason}`,
          organisationId: c.row.currentOrganisationId,
        },
        pluginRegistry,
      );
      await linkCases(ctx.tx, ctx.actor, {
        fromCaseId: c.row.id,
        toCaseId: created.id,
        kind: next.link,
        note: input.reason,
      });
      return { result: { caseId: created.id, number: created.number } };
    }),
  );
