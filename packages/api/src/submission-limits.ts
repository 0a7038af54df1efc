import { claimAttempt } from '@linju/auth';
import { DomainError } from '@linju/core';
import type { TenantTx } from '@linju/db';
import type { ApiContext } from './trpc.ts';

/**
 * Counts a resident's submission from the public site in its transaction (a refused one, which
 * leaves nothing, is not counted): five per phone and thirty per address in a quarter hour, the
 * sign-in's rules. The phone is counted by its keyed token, never by its number.
 */
export async function claimSubmission(
  ctx: Pick<ApiContext, 'box' | 'ip'>,
  tx: TenantTx,
  districtId: string,
  phone: string,
) {
  const limits = [
    ['account', `submission:${ctx.box.blindIndex(phone, districtId)}`],
    ['ip', `submission-ip:${ctx.ip}`],
  ] as const;
  for (const [kind, key] of limits) {
    const wait = await claimAttempt(tx, kind, key);
    if (wait > 0) throw new DomainError('throttled', 'auth.throttled', { params: { seconds: wait } });
  }
}

/**
 * Counts a resident-facing change of a knowledge service (a question to the assistant), which
 * opens no case and so meets no other limit: thirty per address in a quarter hour, per service.
 */
export async function claimKnowledgeChange(ctx: Pick<ApiContext, 'ip'>, tx: TenantTx, pluginId: string) {
  const wait = await claimAttempt(tx, 'ip', `knowledge-change:${pluginId}:${ctx.ip}`);
  if (wait > 0) throw new DomainError('throttled', 'auth.throttled', { params: { seconds: wait } });
}
