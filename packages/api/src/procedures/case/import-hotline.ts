import { importHotlineFile, ZHotlineFileImportRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** A 12345 export, CSV text or an .xlsx workbook: a per-row report; orders already imported are skipped. */
export const importHotline = permittedProcedure('case.manage')
  .input(ZHotlineFileImportRequest)
  .mutation(({ ctx, input }) => importHotlineFile(ctx.tx, ctx.actor, ctx.box, input));
