import { listenFor, type NotifyChannel } from '@linju/db';

/** A district's id as a notification carries it; anything else (anyone may NOTIFY) is ignored. */
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * How long the audit sealer and the roll-up folder let a district's commits gather before a pass:
 * a moment to a reader, a pass per tenth of a second at most for a busy district.
 */
export const GATHER_COMMITS_MS = 100;

/**
 * Runs `pass` for a district as soon as `channel` names it (a commit notified it), one at a time
 * per district: a notice during a pass asks for one more after it (what committed meanwhile),
 * never for a second pass alongside. With `gatherMs`, a first notice waits that long for the
 * commits that follow it, so that a busy district's writes are folded in a few passes a second
 * rather than one pass per commit (each pass is a transaction of its own). `close` stops
 * listening and waits for the passes under way.
 */
export async function passPerNotifiedTenant(
  url: string,
  channel: NotifyChannel,
  pass: (tenantId: string) => Promise<void>,
  options: { gatherMs?: number } = {},
): Promise<{ close: () => Promise<void> }> {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  const gathering = new Map<string, NodeJS.Timeout>();
  const start = (tenantId: string) => {
    const passes = (async () => {
      do {
        again.delete(tenantId);
        await pass(tenantId);
      } while (again.has(tenantId));
    })().finally(() => running.delete(tenantId));
    running.set(tenantId, passes);
  };
  const startOrAgain = (tenantId: string) => {
    if (running.has(tenantId)) again.add(tenantId);
    else start(tenantId);
  };
  const run = (tenantId: string) => {
    if (!options.gatherMs || running.has(tenantId)) startOrAgain(tenantId);
    else if (!gathering.has(tenantId))
      gathering.set(
        tenantId,
        setTimeout(() => {
          gathering.delete(tenantId);
          startOrAgain(tenantId);
        }, options.gatherMs),
      );
  };
  const listener = await listenFor(url, channel, (payload) => {
    if (TENANT_ID.test(payload)) run(payload);
  });
  return {
    close: async () => {
      await listener.close();
      // What was gathering is left to the sweep, as what committed while no one listened.
      for (const timer of gathering.values()) clearTimeout(timer);
      await Promise.all(running.values());
    },
  };
}
