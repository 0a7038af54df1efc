import { validateSessionToken } from '@linju/auth';
import { getPlatformOperator } from '@linju/core';
import { publicProcedure } from '../../trpc.ts';

/**
 * The platform operator of this session and the step still due (`totp` until the code is given);
 * null without an operator's session — a district's staff session included.
 */
export const me = publicProcedure.query(async ({ ctx }) => {
  const session = ctx.sessionToken ? await validateSessionToken(ctx.db, ctx.sessionToken) : null;
  if (!session?.platformOperatorId) return null;
  const operator = await getPlatformOperator(ctx.db, session.platformOperatorId);
  if (!operator) return null;
  return { operator, next: session.twoFactorVerified ? ('home' as const) : ('totp' as const) };
});
