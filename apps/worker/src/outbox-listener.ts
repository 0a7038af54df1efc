import { NOTIFY_CHANNELS } from '@linju/db';
import { deliverDueMessages, type MessageDeliveryDeps } from './message-delivery.ts';
import type { PassLog } from './reconciler.ts';
import { passPerNotifiedTenant } from './tenant-passes.ts';

/**
 * Sends a district's messages as soon as they commit: each commit that queued one notifies the
 * district's id, and a delivery pass for that district runs at once (one at a time per district;
 * notifications during a pass ask for one more). A resident waiting for a verification code hears
 * within a second, not at the next sweep — which still runs, for whatever a listener missed.
 */
export async function startOutboxListener(
  deps: MessageDeliveryDeps,
  options: { url: string; log: PassLog },
): Promise<{ close: () => Promise<void> }> {
  return passPerNotifiedTenant(options.url, NOTIFY_CHANNELS.outbox, async (tenantId) => {
    try {
      const pass = await deliverDueMessages(deps, tenantId);
      if (pass.claimed > 0)
        options.log.info({ event: 'messages sent', tenantId, ...pass }, `sent ${pass.sent} messages`);
    } catch (error) {
      options.log.warn({ event: 'message delivery failed', tenantId, err: error }, 'outbox pass failed');
    }
  });
}
