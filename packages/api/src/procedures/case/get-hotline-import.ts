import { getHotlineImport as getImport } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';
import { runHotlineImportAfterCommit } from './hotline-import-runner.ts';

/** One of one's imports: progress, counts and the rows not imported. A queued one is started again. */
export const getHotlineImport = permittedProcedure('case.manage')
  .input(z.object({ id: z.uuid() }))
  .query(async ({ ctx, input }) => {
    const found = await getImport(ctx.tx, ctx.actor, input);
    if (found.status === 'queued') runHotlineImportAfterCommit(ctx, found.id);
    return found;
  });
