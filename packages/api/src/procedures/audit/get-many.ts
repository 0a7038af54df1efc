import { listAuditEntries, ZAuditQuery } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/** The tenant's audit log, newest first, cursor-paged. */
export const getMany = permittedProcedure('audit.read')
  .input(ZAuditQuery)
  .query(({ ctx, input }) => listAuditEntries(ctx.tx, ctx.actor, input));
