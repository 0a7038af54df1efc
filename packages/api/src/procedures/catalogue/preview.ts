import { entryPointsFor, servicesAt } from '@linju/core';
import { z } from 'zod';
import { pluginIds, pluginRegistry } from '../../plugins.ts';
import { permittedProcedure } from '../../trpc.ts';

/** What a resident sees at a community unit: the service items on there and the seven entry points. */
export const preview = permittedProcedure('organisation.read')
  .input(z.object({ organisationId: z.uuid() }))
  .query(async ({ ctx, input }) => {
    const states = await servicesAt(ctx.tx, input.organisationId, pluginIds);
    const enabled = states.filter((s) => s.enabled).map((s) => s.pluginId);
    return { items: pluginRegistry.catalogueFor(enabled), entryPoints: entryPointsFor(states) };
  });
