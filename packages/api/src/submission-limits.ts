import { claimAttempt } from '@linju/auth';
import { DomainError } from '@linju/core';
import type { ApiContext } from './trpc.ts';

/**
 * Counts a resident's submission from the public site before it is taken in (outside its
 * transaction, so a refused one still counts): five per phone and thirty per address in a quarter
 * hour, the sign-in's rules. The phone is counted by its keyed token, never by its number.
 */
export async function claimSubmission(ctx: ApiContext, districtId: string, phone: string) {
  const limits = [
    ['account', `submission:${ctx.box.blindIndex(phone, districtId)}`],
    ['ip', `submission-ip:${ctx.ip}`],
  ] as const;
  for (const [kind, key] of limits) {
    const wait = await claimAttempt(ctx.db, kind, key);
    if (wait > 0) throw new DomainError('throttled', 'auth.throttled', { params: { seconds: wait } });
  }
}
