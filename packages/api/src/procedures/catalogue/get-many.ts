import { servicesAt } from '@linju/core';
import { z } from 'zod';
import { type PluginId, pluginIds, pluginRegistry } from '../../plugins.ts';
import { permittedProcedure } from '../../trpc.ts';

/** The services of the catalogue at a unit: each plugin, whether it is on there, and which unit decided. */
export const getMany = permittedProcedure('organisation.read')
  .input(z.object({ organisationId: z.uuid() }))
  .query(async ({ ctx, input }) => {
    const states = await servicesAt(ctx.tx, input.organisationId, pluginIds);
    return states.map((state) => {
      const plugin = pluginRegistry.get(state.pluginId as PluginId);
      return {
        ...state,
        kind: plugin.kind,
        name: plugin.name,
        description: plugin.description,
        version: plugin.version,
      };
    });
  });
