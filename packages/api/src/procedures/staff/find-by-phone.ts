import { findStaffByPhone, ZPhone } from '@linju/core';
import { z } from 'zod';
import { permittedProcedure } from '../../trpc.ts';

export const findByPhone = permittedProcedure('staff.read')
  .input(z.object({ phone: ZPhone }))
  .query(({ ctx, input }) => findStaffByPhone(ctx.tx, ctx.actor, ctx.box, input.phone));
