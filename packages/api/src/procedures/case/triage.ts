import { storeFormFiles, triageCase, ZTriageRequest } from '@linju/core';
import { pluginRegistry } from '@linju/plugins';
import { permittedProcedure } from '../../trpc.ts';
import { filesOf } from './files.ts';

export const triage = permittedProcedure('case.manage')
  .input(ZTriageRequest)
  .mutation(async ({ ctx, input }) => {
    const triaged = await triageCase(ctx.tx, ctx.actor, input, pluginRegistry);
    // A form filled in at triage may carry files too (a declarative X service's file fields).
    await storeFormFiles(ctx.tx, ctx.actor, filesOf(ctx), input.caseId);
    return triaged;
  });
