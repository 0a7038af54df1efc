import { atPluginTenant } from '@linju/core';
import { listThresholds, setThreshold as set, ZSetThresholdRequest } from '@linju/plugin-legal-aid';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

/** The district's economic-hardship thresholds, newest first. */
export const getThresholds = permittedProcedure('case.read')
  .input(z.object({}).optional())
  .query(({ ctx }) => atPluginTenant(ctx.tx, ctx.actor, 'legal-aid', 'case.read', listThresholds));

/** Sets the district's threshold (monthly income per household member) from a day on. */
export const setThreshold = permittedProcedure('case.settings.manage')
  .input(ZSetThresholdRequest)
  .mutation(({ ctx, input }) =>
    atPluginTenant(ctx.tx, ctx.actor, 'legal-aid', 'case.settings.manage', (db) =>
      set(db, input, ctx.actor.name),
    ),
  );
