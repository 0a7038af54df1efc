import { randomBytes } from 'node:crypto';
import { createSecretBox, totpCodeFor, totpStepAt } from '@linju/auth';
import { connect } from '@linju/db';
import { inject } from 'vitest';
import { createCaller } from './router.ts';
import type { ApiContext } from './trpc.ts';

/** The real API over the real database as the application role, as the server wires it. */
export function apiHarness() {
  const { db, close } = connect(inject('databaseUrl'));
  const box = createSecretBox(randomBytes(32));
  const silent = { info() {}, warn() {}, error() {} };
  // A code is accepted once per person: each code the harness makes is of the next 30-second step
  // of this clock, which the API checks codes at, so tests sign in again without waiting.
  let totpAt = Date.now();
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
    totpClock: () => new Date(totpAt),
    ...over,
  });
  const caller = (over: Partial<ApiContext> = {}) => createCaller(context(over));

  /** Moves the harness's TOTP clock to the next step and gives `secret`'s code there. */
  function nextTotp(secret: string) {
    totpAt += 30_000;
    return totpCodeFor(secret, totpStepAt(new Date(totpAt)));
  }

  /**
   * Signs in through auth.login (and auth.verifyTotp when the person needs it): a caller of the
   * resulting session, and its token (the one issued after the second factor, when there was one).
   */
  async function signIn(tenantSlug: string, username: string, password: string, totpSecret?: string) {
    const { sessionToken, next } = await caller().auth.login({ tenantSlug, username, password });
    if (next !== 'totp') return { api: caller({ sessionToken }), sessionToken };
    if (!totpSecret) throw new Error(`${username} needs a TOTP secret`);
    const verified = await caller({ sessionToken }).auth.verifyTotp({ code: nextTotp(totpSecret) });
    return { api: caller({ sessionToken: verified.sessionToken }), sessionToken: verified.sessionToken };
  }

  return { db, box, context, caller, signIn, nextTotp, close };
}
