/** The amount a question names in yuan (借了5万元 → 50000, 3000元 → 3000), or null: the fee needs one. */
export function amountIn(question: string): number | null {
  const found = /(\d+(?:\.\d+)?)\s*(万)?\s*(?:元|块)/.exec(question.replace(/[,，]/g, ''));
  if (!found?.[1]) return null;
  const amount = Number(found[1]) * (found[2] ? 10_000 : 1);
  return Number.isFinite(amount) && amount > 0 ? Math.round(amount * 100) / 100 : null;
}
