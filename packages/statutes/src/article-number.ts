const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 一千二百五十四 → 1254, 十五 → 15, 一百零五 → 105; undefined for anything else. */
export function parseChineseNumeral(numeral: string): number | undefined {
  if (numeral === '') return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const char of numeral) {
    if (char in DIGITS) {
      if (digit !== undefined && digit !== 0) return undefined; // 一二: two digits without a unit
      digit = DIGITS[char];
      continue;
    }
    const unit = UNITS[char];
    if (unit === undefined || unit >= lastUnit) return undefined; // units only descend: 百 after 千
    // 十五: a leading 十 stands for 一十.
    total += (digit ?? (total === 0 ? 1 : Number.NaN)) * unit;
    if (Number.isNaN(total) || digit === 0) return undefined;
    lastUnit = unit;
    digit = undefined;
  }
  return total + (digit ?? 0);
}

/**
 * An article's number as people write it: 1254, 第1254条, 一千二百五十四, 第一千二百五十四条.
 * Undefined when it is none of these (or not a positive number).
 */
export function parseArticleNumber(written: string): number | undefined {
  const match = /^\s*第?\s*([0-9]+|[零〇一二两三四五六七八九十百千]+)\s*条?\s*$/.exec(written);
  const numeral = match?.[1];
  if (!numeral) return undefined;
  const number = /^[0-9]+$/.test(numeral) ? Number(numeral) : parseChineseNumeral(numeral);
  return number !== undefined && number > 0 && Number.isSafeInteger(number) ? number : undefined;
}
