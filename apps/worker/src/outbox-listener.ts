import { listenFor, NOTIFY_CHANNELS } from '@linju/db';
import { deliverDueMessages, type MessageDeliveryDeps } from './message-delivery.ts';
import type { PassLog } from './reconciler.ts';

const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const deliver = (tenantId: string) => {
    if (running.has(tenantId)) {
      again.add(tenantId);
      return;
    }
    const passes = (async () => {
      do {
        again.delete(tenantId);
        try {
          const pass = await deliverDueMessages(deps, tenantId);
          if (pass.claimed > 0)
            options.log.info({ event: 'messages sent', tenantId, ...pass }, `sent ${pass.sent} messages`);
        } catch (error) {
          options.log.warn({ event: 'message delivery failed', tenantId, err: error }, 'outbox pass failed');
        }
      } while (again.has(tenantId));
    })().finally(() => running.delete(tenantId));
    running.set(tenantId, passes);
  };
  // Anyone who can NOTIFY could wake a pass; a payload that is not a district's id is ignored.
  const listener = await listenFor(options.url, NOTIFY_CHANNELS.outbox, (payload) => {
    if (TENANT_ID.test(payload)) deliver(payload);
  });
  return {
    close: async () => {
      await listener.close();
      await Promise.all(running.values());
    },
  };
}
