import { proxyActivities } from '@temporalio/workflow';
import type { HotlineImportActivities } from './hotline-import-activities.ts';
import type { HotlineImportInput, HotlineImportResult } from './hotline-import-definitions.ts';

// One activity imports the whole file, a committed batch at a time, heartbeating after each: a
// worker that dies is noticed within the heartbeat timeout and another attempt resumes after
// the last committed batch (20,000 rows take minutes, not hours, hence the bound).
const { importHotlineRows } = proxyActivities<HotlineImportActivities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Imports one 12345 export in the background; progress and the rows not imported are on its rows. */
export async function hotlineImportWorkflow(input: HotlineImportInput): Promise<HotlineImportResult> {
  return importHotlineRows(input);
}
