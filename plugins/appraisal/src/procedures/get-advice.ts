import { caseProcedure } from '@linju/plugin-sdk';
import { z } from 'zod';
import { adviceOfCase } from '../appraisal-advice.ts';

/** The appraisal advice given on a case, oldest first. */
export const getAdvice = caseProcedure({
  kind: 'query',
  permission: 'appraisal.case.view',
  input: z.object({ caseId: z.uuid() }),
  run: (ctx, input) => adviceOfCase(ctx.db, input.caseId),
});
