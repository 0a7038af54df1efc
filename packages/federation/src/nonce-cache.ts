import { MAX_CLOCK_SKEW_SECONDS } from './http-signature.ts';

/**
 * Remembers signature nonces for the replay window. `seen` answers whether a nonce was already used
 * by that key and records it if not, atomically, so it can back `verifyRequest`'s `nonceSeen`
 * directly. A PostgreSQL implementation (an insert that conflicts on the key) serves several
 * processes; the in-memory one serves one.
 */
export interface NonceCache {
  seen(nonce: string, created: number, keyid: string): boolean | Promise<boolean>;
}

/** Options of {@link MemoryNonceCache}. */
export interface MemoryNonceCacheOptions {
  /** How long a nonce is kept after its `created`, in seconds; defaults to the 5-minute skew limit. */
  readonly windowSeconds?: number;
  /** The clock, in Unix seconds; fixed in tests. */
  readonly now?: () => number;
}

/**
 * An in-memory {@link NonceCache} for one process. A nonce is kept until its `created` plus the
 * window, after which `verifyRequest` refuses that `created` anyway. Expired entries are swept as
 * new ones arrive. Only nonces of valid signatures from pinned peers reach it, so its size is
 * bounded by the peers' request rate.
 */
export class MemoryNonceCache implements NonceCache {
  private readonly entries = new Map<string, number>();
  private readonly windowSeconds: number;
  private readonly now: () => number;
  private nextSweep = 0;

  constructor(options: MemoryNonceCacheOptions = {}) {
    this.windowSeconds = options.windowSeconds ?? MAX_CLOCK_SKEW_SECONDS;
    this.now = options.now ?? (() => Math.floor(Date.now() / 1000));
  }

  /** How many nonces are held. */
  get size(): number {
    return this.entries.size;
  }

  seen(nonce: string, created: number, keyid: string): boolean {
    const now = this.now();
    if (now >= this.nextSweep) {
      for (const [key, expiresAt] of this.entries) if (expiresAt < now) this.entries.delete(key);
      this.nextSweep = now + 1;
    }
    const key = `${keyid}\n${nonce}`;
    const expiresAt = this.entries.get(key);
    if (expiresAt !== undefined && expiresAt >= now) return true;
    this.entries.set(key, created + this.windowSeconds);
    return false;
  }
}
