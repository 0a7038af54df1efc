import {
  beginTotpSetup as begin,
  confirmTotpSetup as confirm,
  nextStep,
  verifyTotp as verify,
} from '@linju/core';
import { z } from 'zod';
import { tenantSessionProcedure } from '../../trpc.ts';

const ZCode = z
  .string()
  .trim()
  .regex(/^[0-9]{6}$/, { message: 'auth.totp_invalid' });

/** A new key to enrol in an authenticator app (shown once; stored only when confirmed). */
export const beginTotpSetup = tenantSessionProcedure.query(({ ctx }) =>
  begin(ctx.tx, ctx.staff.id, `Linju ${ctx.tenant.nameZh}`),
);

export const confirmTotpSetup = tenantSessionProcedure
  .input(z.object({ secret: z.string().trim().toUpperCase(), code: ZCode }))
  .mutation(async ({ ctx, input }) => {
    const staff = await confirm(
      ctx.tx,
      ctx.box,
      { staffId: ctx.staff.id, sessionId: ctx.session.id, requestId: ctx.requestId },
      input,
    );
    return { next: nextStep(staff, ctx.roleGrants, true) };
  });

export const verifyTotp = tenantSessionProcedure
  .meta({ guess: 'second-factor' })
  .input(z.object({ code: ZCode }))
  .mutation(async ({ ctx, input }) => {
    const staff = await verify(
      ctx.tx,
      ctx.box,
      { staffId: ctx.staff.id, sessionId: ctx.session.id },
      input.code,
    );
    return { next: nextStep(staff, ctx.roleGrants, true) };
  });
