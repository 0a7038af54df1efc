import { bookAppointment, systemActor, ZBookAppointmentRequest } from '@linju/core';
import { withTenant } from '@linju/db';
import { residentProcedure } from '../../trpc.ts';
import { appointmentServiceNames } from './service-names.ts';

/** 预约: the verified resident books a place on a rota slot; 已约满 when the places are taken. */
export const book = residentProcedure
  .input(ZBookAppointmentRequest)
  .mutation(({ ctx, input }) =>
    withTenant(ctx.db, ctx.district.id, async (tx) =>
      bookAppointment(
        tx,
        systemActor(ctx.district.id, 'public booking'),
        ctx.box,
        { ...input, phone: ctx.resident.phone },
        await appointmentServiceNames(tx),
      ),
    ),
  );
