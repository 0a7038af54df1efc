import { signIn } from '@linju/core';
import { z } from 'zod';
import { publicProcedure } from '../../trpc.ts';

export const ZLoginRequest = z.object({
  tenantSlug: z.string().min(1).max(40),
  username: z.string().trim().min(1, { message: 'validation.required' }).max(40),
  password: z.string().min(1, { message: 'validation.required' }).max(200),
});

/** Password sign-in. Returns the session token for the caller to put in the cookie, and the next step. */
export const login = publicProcedure
  .meta({ guess: 'password' })
  .input(ZLoginRequest)
  .mutation(async ({ ctx, input }) => {
    const result = await signIn(ctx.db, { ...input, ip: ctx.ip });
    ctx.log.info(
      { tenant: result.tenant.slug, staffMemberId: result.staff.id, next: result.next },
      'signed in',
    );
    return { sessionToken: result.sessionToken, expiresAt: result.expiresAt, next: result.next };
  });
