import { listMessageProviders, messageChannelForms } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/**
 * How the district sends on each channel, as its settings forms: the adapter in use, and each
 * adapter's fields with the saved settings — never a credential, only whether one is saved.
 */
export const getProviders = permittedProcedure('tenant.settings.manage').query(async ({ ctx }) =>
  messageChannelForms(await listMessageProviders(ctx.tx, ctx.actor)),
);
