import { listenFor, type NotifyChannel } from '@linju/db';

/** A district's id as a notification carries it; anything else (anyone may NOTIFY) is ignored. */
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `pass` for a district as soon as `channel` names it (a commit notified it), one at a time
 * per district: a notice during a pass asks for one more after it (what committed meanwhile),
 * never for a second pass alongside. `close` stops listening and waits for the passes under way.
 */
export async function passPerNotifiedTenant(
  url: string,
  channel: NotifyChannel,
  pass: (tenantId: string) => Promise<void>,
): Promise<{ close: () => Promise<void> }> {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const run = (tenantId: string) => {
    if (running.has(tenantId)) {
      again.add(tenantId);
      return;
    }
    const passes = (async () => {
      do {
        again.delete(tenantId);
        await pass(tenantId);
      } while (again.has(tenantId));
    })().finally(() => running.delete(tenantId));
    running.set(tenantId, passes);
  };
  const listener = await listenFor(url, channel, (payload) => {
    if (TENANT_ID.test(payload)) run(payload);
  });
  return {
    close: async () => {
      await listener.close();
      await Promise.all(running.values());
    },
  };
}
