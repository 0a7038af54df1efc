import { runQueuedHotlineImports } from '@linju/core';
import { REFERRAL_TASK_QUEUE, startHotlineImportExecution } from '@linju/workflows';
import type { ApiContext, Logger, TenantSession } from '../../trpc.ts';
import { filesOf } from './files.ts';

/**
 * Has a committed import run: its Temporal workflow on the worker, started once the request has
 * committed (so the district's audit lock is not held while Temporal answers, and the worker
 * finds the row), or, without a workflow engine, this process after the commit. A lost start
 * (Temporal away) is made again when the importer looks at the import.
 */
export function runHotlineImportAfterCommit(
  ctx: ApiContext & Pick<TenantSession, 'afterCommit' | 'tenantId'> & { log: Logger },
  importId: string,
) {
  const { temporal, tenantId } = ctx;
  ctx.afterCommit({
    name: 'start the 12345 import',
    run: async () => {
      if (temporal) {
        await startHotlineImportExecution(
          temporal.client,
          { tenantId, importId },
          temporal.taskQueue ?? REFERRAL_TASK_QUEUE,
        );
        return;
      }
      // In the background: the request answers now, the page shows the progress.
      runQueuedHotlineImports(ctx.db, tenantId, { box: ctx.box, files: filesOf(ctx) }).catch(
        (error: unknown) => ctx.log.error({ err: error }, '12345 import failed'),
      );
    },
  });
}
