/** The task queue of referral workflows and their activities; the worker and every client use it. */
export const REFERRAL_TASK_QUEUE = 'linju-referrals';

/**
 * A referral's workflow id: `referral:<tenant>:<id>`. A business key, never a random one, so that
 * starting the same referral twice is refused by Temporal and any process can find the workflow
 * from what it already knows.
 */
export function referralWorkflowId(tenantId: string, referralId: string): string {
  for (const [name, value] of [
    ['tenantId', tenantId],
    ['referralId', referralId],
  ] as const) {
    if (value === '' || value.includes(':')) {
      throw new Error(`referralWorkflowId: ${name} must be non-empty and contain no ':' (got '${value}')`);
    }
  }
  return `referral:${tenantId}:${referralId}`;
}
