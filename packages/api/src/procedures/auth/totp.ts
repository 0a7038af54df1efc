import {
  beginTotpSetup as begin,
  confirmTotpSetup as confirm,
  DomainError,
  nextStep,
  verifyTotp as verify,
} from '@linju/core';
import { z } from 'zod';
import { inTenantSession, signedInProcedure, tenantSessionProcedure, totpTimeOf } from '../../trpc.ts';

const ZCode = z
  .string()
  .trim()
  .regex(/^[0-9]{6}$/, { message: 'auth.totp_invalid' });

/** A new key to enrol in an authenticator app (shown once; stored only when confirmed). */
export const beginTotpSetup = tenantSessionProcedure.query(({ ctx }) =>
  begin(ctx.tx, ctx.staff.id, `Linju ${ctx.tenant.nameZh}`),
);

/** Enrols the key; the session is replaced: the caller sets the new token's cookie. */
export const confirmTotpSetup = tenantSessionProcedure
  .input(z.object({ secret: z.string().trim().toUpperCase(), code: ZCode }))
  .mutation(async ({ ctx, input }) => {
    const { staff, token, session } = await confirm(
      ctx.tx,
      ctx.box,
      { staffId: ctx.staff.id, session: ctx.session, requestId: ctx.requestId, at: totpTimeOf(ctx) },
      input,
    );
    return { next: nextStep(staff, ctx.roleGrants, true), sessionToken: token, expiresAt: session.expiresAt };
  });

/**
 * The second factor; the session is replaced: the caller sets the new token's cookie. Its own
 * tenant session rather than `tenantSessionProcedure`'s: a refused code commits its count first,
 * then the refusal is thrown.
 */
export const verifyTotp = signedInProcedure
  .meta({ guess: 'second-factor' })
  .input(z.object({ code: ZCode }))
  .mutation(async ({ ctx, input }) => {
    const outcome = await inTenantSession(ctx, async ({ tx, staff, roleGrants }) => {
      const verified = await verify(
        tx,
        ctx.box,
        { staffId: staff.id, session: ctx.session, at: totpTimeOf(ctx) },
        input.code,
      );
      if (verified instanceof DomainError) return verified;
      return {
        next: nextStep(verified.staff, roleGrants, true),
        sessionToken: verified.token,
        expiresAt: verified.session.expiresAt,
      };
    });
    if (outcome instanceof DomainError) throw outcome;
    return outcome;
  });
