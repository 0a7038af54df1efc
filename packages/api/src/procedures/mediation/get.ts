import { onPluginCase } from '@linju/core';
import { getMediationRecord } from '@linju/plugin-mediation';
import { PluginRuleError } from '@linju/plugin-sdk';
import { z } from 'zod';
import { pluginPermittedProcedure } from '../../trpc.ts';
import { partiesOf } from './case-parties.ts';

/** The mediation record of a case: its parties, mediators, sessions, the agreement and who confirmed it. */
export const get = pluginPermittedProcedure('mediation.case.view')
  .input(z.object({ caseId: z.uuid() }))
  .query(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'mediation', input.caseId, ctx.carrier, async (db, c) => {
      const parties = await partiesOf(ctx.tx, ctx.actor, c).then(
        (found) => found.parties,
        (error: unknown) => {
          // A case without a respondent yet has no parties to show; everything else is a fault.
          if (error instanceof PluginRuleError && error.message === 'mediation.case_has_no_parties')
            return [];
          throw error;
        },
      );
      return { result: { parties, ...(await getMediationRecord(db, input.caseId)) } };
    }),
  );
