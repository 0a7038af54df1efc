import { removeTenantDomain, ZTenantHost } from '@linju/core';
import { z } from 'zod';
import { platformProcedure } from '../../trpc.ts';

/** Takes a host name back from its district, audited in its chain. */
export const removeDomain = platformProcedure
  .input(z.object({ host: ZTenantHost }))
  .mutation(({ ctx, input }) =>
    removeTenantDomain(ctx.db, { operatorId: ctx.operatorId, requestId: ctx.requestId }, input),
  );
