import { listTenantsWithVolumes, setTenantStatus } from '@linju/core';
import { z } from 'zod';
import { platformProcedure } from '../../trpc.ts';

export const getTenants = platformProcedure.query(({ ctx }) => listTenantsWithVolumes(ctx.db));

export const setTenantStatusProcedure = platformProcedure
  .input(z.object({ tenantId: z.uuid(), status: z.enum(['active', 'suspended']) }))
  .mutation(({ ctx, input }) => setTenantStatus(ctx.db, { operatorId: ctx.operatorId }, input));
