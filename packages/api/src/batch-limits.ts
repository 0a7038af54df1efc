import { DomainError } from '@linju/core';
import { TRPCError } from '@trpc/server';
import type { TRPCRequestInfo } from '@trpc/server/http';
import type { ApiMeta } from './trpc.ts';

/** At most this many calls in one HTTP batch: one request must not queue unbounded work. */
export const MAX_BATCH_CALLS = 10;

const badRequest = (cause: DomainError) =>
  new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });

/**
 * Refuses an HTTP batch that is too large, or that holds a procedure guessing a secret (a password
 * or a code: `meta.guess`), so one request is one guess. Called as the request's
 * context is made, before any call runs. tRPC's own `maxBatchSize` answers in English, without a
 * message key, and cannot see the procedures' meta, hence this.
 */
export function checkBatch(info: TRPCRequestInfo): void {
  if (!info.isBatchCall) return;
  if (info.calls.length > MAX_BATCH_CALLS) {
    throw badRequest(
      new DomainError('bad-request', 'request.batch_too_large', { params: { max: MAX_BATCH_CALLS } }),
    );
  }
  if (info.calls.some((call) => (call.procedure?._def.meta as ApiMeta | undefined)?.guess)) {
    throw badRequest(new DomainError('bad-request', 'auth.batch_refused'));
  }
}
