import type { WorkflowEngine } from '@linju/workflows';
import { TRPCError } from '@trpc/server';
import type { ApiContext } from '../../trpc.ts';

/** The engine, or a clear refusal: a referral is never half-sent without its workflow. */
export function engineOf(ctx: ApiContext): WorkflowEngine {
  if (!ctx.temporal) {
    throw new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'referral.workflows_unavailable' });
  }
  return ctx.temporal;
}
