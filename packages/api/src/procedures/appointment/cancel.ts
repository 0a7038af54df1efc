import { cancelAppointment, systemActor, ZCancelAppointmentRequest } from '@linju/core';
import { withTenant } from '@linju/db';
import { residentProcedure } from '../../trpc.ts';
import { appointmentServiceNames } from './service-names.ts';

/** The verified resident cancels one of their own appointments; its place is free again. */
export const cancel = residentProcedure
  .input(ZCancelAppointmentRequest)
  .mutation(({ ctx, input }) =>
    withTenant(ctx.db, ctx.district.id, async (tx) =>
      cancelAppointment(
        tx,
        systemActor(ctx.district.id, 'public booking'),
        ctx.box,
        { ...input, phone: ctx.resident.phone },
        await appointmentServiceNames(tx),
      ),
    ),
  );
