import { randomBytes } from 'node:crypto';
import { createSecretBox, totpCodeNow } from '@linju/auth';
import { connect } from '@linju/db';
import { inject } from 'vitest';
import { createCaller } from './router.ts';
import type { ApiContext } from './trpc.ts';

/** The real API over the real database as the application role, as the server wires it. */
export function apiHarness() {
  const { db, close } = connect(inject('databaseUrl'));
  const box = createSecretBox(randomBytes(32));
  const silent = { info() {}, warn() {}, error() {} };
  const context = (over: Partial<ApiContext> = {}): ApiContext => ({
    db,
    box,
    requestId: 'test',
    ip: `10.0.0.${Math.floor(Math.random() * 250)}`,
    log: silent,
    sessionToken: null,
    tenantSlugHint: null,
    temporalHealthy: async () => true,
    totpIssuer: 'Linju test',
    ...over,
  });
  const caller = (over: Partial<ApiContext> = {}) => createCaller(context(over));

  /** Signs in through auth.login (and auth.verifyTotp when the role needs it): a caller of that session, and its token. */
  async function signIn(tenantSlug: string, username: string, password: string, totpSecret?: string) {
    const { sessionToken, next } = await caller().auth.login({ tenantSlug, username, password });
    const signedIn = caller({ sessionToken });
    if (next === 'totp') {
      if (!totpSecret) throw new Error(`${username} needs a TOTP secret`);
      await signedIn.auth.verifyTotp({ code: totpCodeNow(totpSecret) });
    }
    return { api: signedIn, sessionToken };
  }

  return { db, box, context, caller, signIn, close };
}

export const totpNow = totpCodeNow;
