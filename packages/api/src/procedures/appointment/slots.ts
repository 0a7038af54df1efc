import { openAppointmentSlots } from '@linju/core';
import { withTenant } from '@linju/db';
import { z } from 'zod';
import { districtSiteProcedure } from '../../trpc.ts';

export const ZAppointmentSlotsRequest = z.object({
  organisationId: z.uuid({ message: 'validation.invalid_format' }).optional(),
  serviceType: z.string().max(40).optional(),
});

/** The district's rota slots a resident may book in the next 14 days, full ones too (public). */
export const slots = districtSiteProcedure
  .input(ZAppointmentSlotsRequest)
  .query(({ ctx, input }) =>
    withTenant(ctx.db, ctx.district.id, (tx) =>
      openAppointmentSlots(tx, { tenantId: ctx.district.id, ...input }),
    ),
  );
