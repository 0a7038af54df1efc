import { claimFormSubmission, recordFormSubmission } from '@linju/core';
// The one way a middleware answers without calling the procedure: tRPC marks its results with
// this constant and exports it only here (pinned by the lockfile; a tRPC upgrade re-checks it).
import { middlewareMarker } from '@trpc/server/unstable-core-do-not-import';
import type { ApiContext, TenantSession } from './trpc.ts';

/**
 * The post of a form being answered: its key (the admin app derives it from the form's per-render
 * key and what was posted) and how many changes the answer has made so far. Each change is keyed
 * by its place in the answer, so a second post of the same form meets the same keys in turn.
 */
export type FormSubmission = { key: string; calls: number };

/**
 * Runs a mutation of a keyed post once: in the tenant's transaction, the change claims its key
 * first; a change the form's earlier post already made answers what it answered then (the
 * procedure does not run), and a new one records its answer with the change. Queries, and posts
 * without a key, just run.
 */
export async function oncePerSubmission<Result extends { ok: boolean; data?: unknown }>(
  ctx: ApiContext,
  tc: TenantSession,
  call: { type: string; path: string },
  run: () => Promise<Result>,
): Promise<Result> {
  const submission = ctx.submission;
  if (!submission || call.type !== 'mutation') return run();
  const keyed = {
    tenantId: tc.tenantId,
    staffMemberId: tc.staff.id,
    submissionKey: `${submission.key}#${submission.calls++}`,
    procedure: call.path,
  };
  const claim = await claimFormSubmission(tc.tx, ctx.box, keyed);
  if (claim.made) {
    ctx.log.info({ event: 'form submission repeated', procedure: call.path }, 'answered a repeated post');
    // What the procedure's middleware chain returns, without running it again (the answer as JSON:
    // a repeated post's answer is only read for where to go next, so its dates arrive as strings).
    return { ok: true, data: claim.answer, marker: middlewareMarker } as unknown as Result;
  }
  const result = await run();
  if (result.ok) await recordFormSubmission(tc.tx, ctx.box, keyed, result.data);
  return result;
}
