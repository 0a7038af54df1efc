import { entryPointsFor, servicesAt, xServicesAt } from '@linju/core';
import { pluginEntryPoints, pluginIds, pluginRegistry } from '@linju/plugins';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** What a resident sees at a community unit: the service items on there and the seven entry points. */
export const preview = permittedProcedure('organisation.read')
  .input(z.object({ organisationId: z.uuid() }))
  .query(async ({ ctx, input }) => {
    const xServices = await xServicesAt(ctx.tx, input.organisationId);
    const states = await servicesAt(ctx.tx, input.organisationId, [
      ...pluginIds,
      ...xServices.map((x) => x.serviceId),
    ]);
    const on = new Set(states.filter((s) => s.enabled).map((s) => s.pluginId));
    const localItems = xServices
      .filter((x) => on.has(x.serviceId))
      .map((x) => ({
        id: x.serviceId,
        pluginId: x.serviceId,
        pluginName: { 'zh-CN': x.nameZh, en: x.nameEn },
        name: { 'zh-CN': x.nameZh, en: x.nameEn },
        description: { 'zh-CN': x.descriptionZh, en: x.descriptionEn },
      }));
    return {
      items: [...pluginRegistry.catalogueFor(pluginIds.filter((id) => on.has(id))), ...localItems],
      entryPoints: entryPointsFor(states, pluginEntryPoints),
    };
  });
