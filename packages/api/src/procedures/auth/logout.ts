import { invalidateAllSessions, invalidateSession, validateSessionToken } from '@linju/auth';
import { publicProcedure, signedInProcedure } from '../../trpc.ts';

/** Ends this session. Signing out twice, or without a session, is not an error. */
export const logout = publicProcedure.mutation(async ({ ctx }) => {
  const session = ctx.sessionToken ? await validateSessionToken(ctx.db, ctx.sessionToken) : null;
  if (session) await invalidateSession(ctx.db, session.id);
  return { ok: true };
});

/** Ends every session of the person, on every device. */
export const logoutEverywhere = signedInProcedure.mutation(async ({ ctx }) => {
  const { tenantId, staffMemberId } = ctx.session;
  if (tenantId && staffMemberId) await invalidateAllSessions(ctx.db, tenantId, staffMemberId);
  else await invalidateSession(ctx.db, ctx.session.id);
  return { ok: true };
});
