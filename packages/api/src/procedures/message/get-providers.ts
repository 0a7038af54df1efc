import { listMessageProviders } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** How the district sends on each channel: adapter and settings, never a credential. */
export const getProviders = permittedProcedure('tenant.settings.manage').query(({ ctx }) =>
  listMessageProviders(ctx.tx, ctx.actor),
);
