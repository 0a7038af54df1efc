import { changePassword as change, nextStep } from '@linju/core';
import { z } from 'zod';
import { tenantSessionProcedure } from '../../trpc.ts';

export const changePassword = tenantSessionProcedure
  .meta({ guess: 'password' })
  .input(
    z.object({
      currentPassword: z.string().min(1, { message: 'validation.required' }).max(200),
      newPassword: z.string().min(1, { message: 'validation.required' }).max(200),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    await change(
      ctx.tx,
      { staffId: ctx.staff.id, sessionId: ctx.session.id, requestId: ctx.requestId },
      input,
    );
    return {
      next: nextStep(
        { ...ctx.staff, mustChangePassword: false },
        ctx.roleGrants,
        ctx.session.twoFactorVerified,
      ),
    };
  });
