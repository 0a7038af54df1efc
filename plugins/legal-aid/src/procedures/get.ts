import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { getLegalAidRecord } from '../legal-aid-records.ts';
import { legalAidCase } from './legal-aid-case.ts';

/** A legal-aid application: its eligibility check, decision (and its deadline), closure report, subsidies. */
export const get = caseProcedure({
  kind: 'query',
  permission: 'legal-aid.application.view',
  input: z.object({ caseId: z.uuid() }),
  run: async (ctx) => getLegalAidRecord(ctx.db, await legalAidCase(ctx)),
});
