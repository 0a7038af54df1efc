import { residentMatters } from '@linju/core';
import { withTenant } from '@linju/db';
import { residentProcedure } from '../../trpc.ts';

/** The public site: the verified resident's matters in this district, newest first. */
export const getMany = residentProcedure.query(({ ctx }) =>
  withTenant(ctx.db, ctx.district.id, (tx) =>
    residentMatters(tx, ctx.box, ctx.district.id, ctx.resident.phone),
  ),
);
