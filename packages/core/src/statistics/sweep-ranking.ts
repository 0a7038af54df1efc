/** One line of a sweep's ranking: a category or an organisation, this month against the last. */
export type GrowthFinding = {
  key: string;
  current: number;
  previous: number;
  /** current − previous */
  change: number;
  /** change / previous, rounded to two decimals; null when there was nothing the month before. */
  growth: number | null;
};

/**
 * Ranks keys by growth: the largest increase in matters first (what the sweep is for: where
 * disputes are rising), then the larger relative growth, then the larger count, then the key so
 * equal findings always come in the same order. Keys seen in neither month are absent; a key that
 * fell to zero is kept (a fall is a finding too) and ranks by its negative change.
 */
export function rankByGrowth(
  current: ReadonlyMap<string, number>,
  previous: ReadonlyMap<string, number>,
): GrowthFinding[] {
  const keys = new Set([...current.keys(), ...previous.keys()]);
  const findings: GrowthFinding[] = [];
  for (const key of keys) {
    const now = current.get(key) ?? 0;
    const before = previous.get(key) ?? 0;
    if (now === 0 && before === 0) continue;
    findings.push({
      key,
      current: now,
      previous: before,
      change: now - before,
      growth: before === 0 ? null : Math.round(((now - before) / before) * 100) / 100,
    });
  }
  const relative = (f: GrowthFinding) => (f.growth === null ? Number.POSITIVE_INFINITY : f.growth);
  return findings.sort(
    (a, b) =>
      b.change - a.change ||
      relative(b) - relative(a) ||
      b.current - a.current ||
      (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** `YYYY-MM` of the month before `month`. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The first day of `month` and of the month after, as ISO dates (the half-open range). */
export function monthRange(month: string): { from: string; until: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { from: `${month}-01`, until: `${next}-01` };
}
