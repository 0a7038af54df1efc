import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { mediationRecordOf } from './mediation-record-of.ts';

/** The mediation record of a case: its parties, mediators, sessions, the agreement and who confirmed it. */
export const get = caseProcedure({
  kind: 'query',
  permission: 'mediation.case.view',
  input: z.object({ caseId: z.uuid() }),
  run: (ctx) => mediationRecordOf(ctx),
});
