import { type Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { REFERRAL_TASK_QUEUE } from '../task-queues.ts';
import {
  HOTLINE_IMPORT_WORKFLOW,
  type HotlineImportInput,
  hotlineImportWorkflowId,
} from './hotline-import-definitions.ts';
import type { hotlineImportWorkflow } from './hotline-import-workflow.ts';

/**
 * Starts a committed import's workflow (id = business key). Starting it again is harmless: a
 * running one is kept, a finished one is not run again (only a failed run may be replaced), so
 * the request after its commit and a later look at the import's page may both try.
 */
export async function startHotlineImportExecution(
  client: Client,
  input: HotlineImportInput,
  taskQueue: string = REFERRAL_TASK_QUEUE,
): Promise<void> {
  try {
    await client.workflow.start<typeof hotlineImportWorkflow>(HOTLINE_IMPORT_WORKFLOW, {
      taskQueue,
      workflowId: hotlineImportWorkflowId(input.tenantId, input.importId),
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
