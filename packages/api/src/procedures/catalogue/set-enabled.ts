import { setServiceEnabled, ZSetServiceEnabledRequest } from '@linju/core';
import { pluginIds } from '../../plugins.ts';
import { permittedProcedure } from '../../trpc.ts';

export const setEnabled = permittedProcedure('catalogue.manage')
  .input(ZSetServiceEnabledRequest)
  .mutation(({ ctx, input }) => setServiceEnabled(ctx.tx, ctx.actor, input, pluginIds));
