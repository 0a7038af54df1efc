/**
 * Runs `pass` for a district as soon as asked, one at a time per district: asking during a pass
 * asks for one more after it (what committed meanwhile), never for a second pass alongside.
 * `settled` waits for every pass under way (at shutdown).
 */
export function tenantPasses(pass: (tenantId: string) => Promise<void>) {
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
  return { run, settled: () => Promise.all(running.values()) };
}

/** A district's id as a notification carries it; anything else (anyone may NOTIFY) is ignored. */
export const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
