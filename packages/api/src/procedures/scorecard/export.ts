import { exportScorecardXlsx, ZExportScorecardRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** A quarter's ranking as XLSX (base64): the published snapshot, or the live computation for district readers. */
export const exportXlsx = permittedProcedure('statistics.read')
  .input(ZExportScorecardRequest)
  .query(({ ctx, input }) => exportScorecardXlsx(ctx.tx, ctx.actor, input));
