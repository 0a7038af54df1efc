import { verifyAuditChain } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** Recomputes the tenant's audit hash chain and reports the first broken entry, if any. */
export const verify = permittedProcedure('audit.read').query(({ ctx }) => verifyAuditChain(ctx.tx));
