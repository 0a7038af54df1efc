import { setServiceEnabled, xServicesAt, ZSetServiceEnabledRequest } from '@linju/core';
import { pluginIds } from '@linju/plugins';
import { permittedProcedure } from '../../trpc.ts';

export const setEnabled = permittedProcedure('catalogue.manage')
  .input(ZSetServiceEnabledRequest)
  .mutation(async ({ ctx, input }) => {
    // Known services: the plugins, and the X services defined at or above the unit.
    const xServices = await xServicesAt(ctx.tx, input.organisationId);
    return setServiceEnabled(ctx.tx, ctx.actor, input, [...pluginIds, ...xServices.map((x) => x.serviceId)]);
  });
