/** An amount in yuan as typed ("2690", "1 280.50", "3,000"); `undefined` when it is not one (to the fen). */
export function parseYuan(text: string): number | undefined {
  const plain = text.trim().replace(/[\s,，]/g, '');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(plain)) return undefined;
  return Number(plain);
}

/**
 * An amount field's value for the API: what could not be read as yuan goes as NaN, which the
 * plugin's schema refuses naming the field (`legal-aid.amount_invalid`).
 */
export const yuanInput = (text: string) => parseYuan(text) ?? Number.NaN;
