import { triageCase, ZTriageRequest } from '@linju/core';
import { pluginRegistry } from '../../plugins.ts';
import { permittedProcedure } from '../../trpc.ts';

export const triage = permittedProcedure('case.manage')
  .input(ZTriageRequest)
  .mutation(({ ctx, input }) => triageCase(ctx.tx, ctx.actor, input, pluginRegistry));
