import { importAssessmentResults, ZAssessmentImportRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** A third-party assessor's spreadsheet (CSV or .xlsx): a per-row report; results already imported are skipped. */
export const importResults = permittedProcedure('assessment.import')
  .input(ZAssessmentImportRequest)
  .mutation(({ ctx, input }) => importAssessmentResults(ctx.tx, ctx.actor, input));
