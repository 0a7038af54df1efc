import { appointmentsOfPhone } from '@linju/core';
import { withTenant } from '@linju/db';
import { residentAppointmentProcedure } from './resident-appointment-procedure.ts';

/** "My appointments": the verified resident's from today on. */
export const mine = residentAppointmentProcedure.query(({ ctx }) =>
  withTenant(ctx.db, ctx.district.id, (tx) =>
    appointmentsOfPhone(tx, ctx.box, { tenantId: ctx.district.id, phone: ctx.resident.phone }),
  ),
);
