/**
 * A fixed-window limit per key (spec, "Errors": `429` with `Retry-After`). Kept in this process's
 * memory: a limit protects this server from a peer that floods it; with several server
 * instances each holds its own window, which only makes the effective limit a multiple.
 */
export type RateLimit = {
  /** Requests allowed per key and window. */
  readonly limit: number;
  readonly windowMs: number;
};

export type RateLimiter = {
  /** Counts one request of `key`: answers 0 when it may go on, else the seconds to wait. */
  take(key: string, now?: number): number;
};

export function createRateLimiter({ limit, windowMs }: RateLimit): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    take(key, now = Date.now()) {
      let window = windows.get(key);
      if (!window || now - window.startedAt >= windowMs) {
        // Old windows are dropped as they are met again; a sweep keeps the map from growing.
        if (windows.size > 10_000) {
          for (const [k, w] of windows) if (now - w.startedAt >= windowMs) windows.delete(k);
        }
        window = { startedAt: now, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      if (window.count <= limit) return 0;
      return Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000));
    },
  };
}
