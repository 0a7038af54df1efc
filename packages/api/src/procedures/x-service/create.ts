import { defineXService, ZDefineXServiceRequest } from '@linju/core';
import { pluginIds } from '@linju/plugins';
import { permittedProcedure } from '../../trpc.ts';

/** A street office defines its own X service: names, intake form as data, time limit, team. */
export const create = permittedProcedure('catalogue.manage')
  .input(ZDefineXServiceRequest)
  .mutation(async ({ ctx, input }) => {
    const { tenantId: _, ...created } = await defineXService(ctx.tx, ctx.actor, input, pluginIds);
    return created;
  });
