import { changePassword as change, nextStep } from '@linju/core';
import { z } from 'zod';
import { tenantVerifiedProcedure } from '../../trpc.ts';

/** Reachable with a forced change pending, never before the second factor: a password alone changes nothing. */
export const changePassword = tenantVerifiedProcedure
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
