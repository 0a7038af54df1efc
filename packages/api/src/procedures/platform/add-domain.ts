import { addTenantDomain, ZTenantHost } from '@linju/core';
import { z } from 'zod';
import { platformProcedure } from '../../trpc.ts';

/** Gives a district a host name of its own (`fw.xuhui.gov.cn`), audited in its chain. */
export const addDomain = platformProcedure
  .input(z.object({ tenantId: z.uuid(), host: ZTenantHost }))
  .mutation(({ ctx, input }) =>
    addTenantDomain(ctx.db, { operatorId: ctx.operatorId, requestId: ctx.requestId }, input),
  );
