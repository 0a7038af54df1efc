import { requestHotlineImport, ZHotlineImportRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';
import { filesOf } from './files.ts';
import { runHotlineImportAfterCommit } from './hotline-import-runner.ts';

/**
 * A 12345 export (.xlsx, or CSV in UTF-8 or GB18030), checked as a whole and queued: its rows are
 * imported in the background, the progress and the per-row report on `hotlineImport.get`.
 */
export const createHotlineImport = permittedProcedure('case.manage')
  .input(ZHotlineImportRequest)
  .mutation(async ({ ctx, input }) => {
    const queued = await requestHotlineImport(ctx.tx, ctx.actor, filesOf(ctx), input);
    runHotlineImportAfterCommit(ctx, queued.id);
    return queued;
  });
