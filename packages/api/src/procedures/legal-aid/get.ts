import { onPluginCase } from '@linju/core';
import { getLegalAidRecord } from '@linju/plugin-legal-aid';
import { z } from 'zod';
import { pluginPermittedProcedure } from '../../trpc.ts';
import { legalAidCase } from './legal-aid-case.ts';

/** A legal-aid application: its eligibility check, decision (and its deadline), closure report, subsidies. */
export const get = pluginPermittedProcedure('legal-aid.application.view')
  .input(z.object({ caseId: z.uuid() }))
  .query(({ ctx, input }) =>
    onPluginCase(ctx.tx, ctx.actor, 'legal-aid', input.caseId, ctx.carrier, async (db, c) => ({
      result: await getLegalAidRecord(db, legalAidCase(c, ctx.tenant.timeZone)),
    })),
  );
