import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/client';

/** The failure type of an activity whose input names another tenant (or referral) than its workflow. */
export const TENANT_MISMATCH_FAILURE = 'TenantMismatch';

/** The workflows whose id names one object after the tenant, and the input field naming it. */
const OBJECT_FIELD: ReadonlyMap<string, string> = new Map([
  ['referral', 'referralId'],
  ['statistics-report', 'reportId'],
  ['hotline-import', 'importId'],
]);

/**
 * Whether an activity input belongs to the workflow it runs for. Workflow ids are business keys,
 * `<kind>:<tenant>[:<id>]` (a scheduled run adds `-<time>` to its schedule's id), and Temporal fixes
 * them when the workflow starts; the input is whatever the starter wrote. So the id's tenant must
 * be the input's, and the object a workflow is for (a referral, a report, an import) the input's.
 */
export function inputBelongsTo(
  workflowId: string,
  input: { tenantId: string; workflowId?: unknown } & Record<string, unknown>,
): boolean {
  const rest = workflowId.slice(workflowId.indexOf(':') + 1);
  const tenantOk =
    workflowId.includes(':') &&
    input.tenantId !== '' &&
    (rest === input.tenantId ||
      rest.startsWith(`${input.tenantId}:`) ||
      rest.startsWith(`${input.tenantId}-`));
  const field = OBJECT_FIELD.get(workflowId.slice(0, workflowId.indexOf(':')));
  const objectOk =
    field === undefined || input[field] === undefined || rest === `${input.tenantId}:${String(input[field])}`;
  const workflowOk = input.workflowId === undefined || input.workflowId === workflowId;
  return tenantOk && objectOk && workflowOk;
}

const tenantInput = (value: unknown): value is { tenantId: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { tenantId?: unknown }).tenantId === 'string';

/**
 * Every activity that takes a `tenantId` checks it against the workflow id before it touches
 * anything: a workflow started with a forged input (another district's id) cannot act on that
 * district's rows. The refusal is final; retrying would not change the ids.
 */
export function tenantBoundActivities<T extends Record<string, (...args: never[]) => Promise<unknown>>>(
  activities: T,
): T {
  const bound = Object.entries(activities).map(([name, run]) => [
    name,
    async (...args: never[]) => {
      const [input] = args as unknown[];
      if (tenantInput(input)) {
        const workflowId = Context.current().info.workflowExecution?.workflowId ?? '';
        if (!inputBelongsTo(workflowId, input)) {
          throw ApplicationFailure.nonRetryable(
            `${name} refused: its input names tenant ${input.tenantId}, the workflow ${workflowId} another`,
            TENANT_MISMATCH_FAILURE,
          );
        }
      }
      return run(...args);
    },
  ]);
  return Object.fromEntries(bound) as T;
}
