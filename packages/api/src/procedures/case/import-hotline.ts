import { importHotlineCsv, ZHotlineImportRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** A 12345 export (CSV): a per-row report; order numbers already imported are skipped. */
export const importHotline = permittedProcedure('case.manage')
  .input(ZHotlineImportRequest)
  .mutation(({ ctx, input }) => importHotlineCsv(ctx.tx, ctx.actor, ctx.box, input));
