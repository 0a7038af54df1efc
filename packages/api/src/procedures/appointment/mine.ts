import { appointmentsOfPhone } from '@linju/core';
import { withTenant } from '@linju/db';
import { residentProcedure } from '../../trpc.ts';

/** "My appointments": the verified resident's from today on. */
export const mine = residentProcedure.query(({ ctx }) =>
  withTenant(ctx.db, ctx.district.id, (tx) =>
    appointmentsOfPhone(tx, ctx.box, { tenantId: ctx.district.id, phone: ctx.resident.phone }),
  ),
);
