/**
 * Temporal's floor for one referral's life (`bench-referrals.ts`): the same commands as the
 * referral workflows over the exchange, with no application logic. Bundled by path into the
 * floor's worker (`bench-referrals-floor.ts`), like `@linju/workflows`.
 */
import { condition, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { FloorActivities } from './bench-referrals-floor.ts';

const { deliverFloorMessage } = proxyActivities<FloorActivities>({ startToCloseTimeout: '45 seconds' });
const { recordFloorReceipt } = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '30 seconds' });

/**
 * The sender's: one delivery (a normal activity) and its receipt recorded (a local one), while
 * it waits on a deadline's timer that the receipt restarts — as the referral's sender does with
 * its acknowledgement deadline.
 */
export async function floorSenderWorkflow(id: string): Promise<void> {
  let received = false;
  const delivered = deliverFloorMessage(id).then(async () => {
    await recordFloorReceipt(id);
    received = true;
  });
  await condition(() => received, '30 days');
  await delivered;
  await condition(() => false, '30 days');
}

/** The receiver's: started by the endpoint, then waits (for the partner user, who never comes here). */
export async function floorReceiverWorkflow(): Promise<void> {
  await condition(() => false);
}
