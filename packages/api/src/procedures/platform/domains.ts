import { listTenantDomains } from '@linju/core';
import { platformProcedure } from '../../trpc.ts';

/** Every district's own host names, for the platform console. */
export const getDomains = platformProcedure.query(({ ctx }) => listTenantDomains(ctx.db));
