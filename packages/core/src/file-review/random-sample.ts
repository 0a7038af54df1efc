import { createHash } from 'node:crypto';

/**
 * A reproducible random sample: each candidate is ranked by SHA-256 of `seed:id` and the first
 * `size` are taken. The same seed over the same candidates gives the same sample whatever order
 * they arrive in, and anyone holding the seed can check the draw.
 */
export function pickSample(seed: string, ids: readonly string[], size: number): string[] {
  const rank = (id: string) => createHash('sha256').update(`${seed}:${id}`).digest('hex');
  return [...new Set(ids)]
    .map((id) => ({ id, rank: rank(id) }))
    .sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0))
    .slice(0, Math.max(0, size))
    .map((x) => x.id);
}
