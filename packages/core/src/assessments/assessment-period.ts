/**
 * An assessment period in its stored form, `YYYY`, `YYYY-Qn` or `YYYY-MM`, from what assessors
 * write: `2026Q1`, `2026年第1季度`, `2026年3月`, `2026/3`. Null when it is none of these. Pure.
 */
export function normalisePeriod(value: string): string | null {
  const v = value.trim().toUpperCase().replace(/\s/g, '');
  let m = /^(\d{4})年?$/.exec(v);
  if (m) return m[1] ?? null;
  m = /^(\d{4})(?:-|年)?(?:Q|第)([1-4])(?:季度)?$/.exec(v);
  if (m) return `${m[1]}-Q${m[2]}`;
  m = /^(\d{4})(?:[-/.]|年)(\d{1,2})月?$/.exec(v);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${String(m[2]).padStart(2, '0')}`;
  return null;
}

/** A score as written: 0–1000 with at most two decimals, kept as the exact decimal text. */
export function normaliseScore(value: string): string | null {
  const v = value.trim();
  if (!/^\d{1,4}(\.\d{1,2})?$/.test(v)) return null;
  const n = Number(v);
  return n <= 1000 ? n.toFixed(2) : null;
}
