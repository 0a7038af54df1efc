/**
 * Personal data in a case's words, found and replaced by role placeholders so a closed case can
 * become a reference case (参考性案例). Pure: the parties' names come from the caller. Parties'
 * names are removed whatever their kind (a company in a resolved dispute is no lesson); other
 * organisations' names (a court, a mediation committee) stay, as they show the route taken.
 */

/** What a removed piece was; each has its placeholder. */
export const PERSONAL_DATA_KINDS = [
  'name',
  'email',
  'id-number',
  'credit-code',
  'bank-card',
  'phone',
  'plate',
  'address',
] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

export const PLACEHOLDERS: Readonly<Record<Exclude<PersonalDataKind, 'name'>, string>> = {
  email: '【电子邮箱】',
  'id-number': '【身份证号】',
  'credit-code': '【统一社会信用代码】',
  'bank-card': '【银行卡号】',
  phone: '【电话】',
  plate: '【车牌】',
  address: '【地址】',
};

/** Parties in the order they are named: the resident first (当事人甲), then the others. */
const PARTY_LETTERS = '甲乙丙丁戊己庚辛壬癸';
export const partyPlaceholder = (index: number) => `当事人${PARTY_LETTERS[index] ?? String(index + 1)}`;

/** A piece of the text in the output: `kind` set where something was removed. */
export interface TextPiece {
  readonly text: string;
  readonly removed?: PersonalDataKind;
}

export interface Anonymised {
  readonly text: string;
  /** The output in pieces, the placeholders marked: what the review screen highlights. */
  readonly pieces: readonly TextPiece[];
  /** How many pieces of each kind were removed. */
  readonly removed: Readonly<Partial<Record<PersonalDataKind, number>>>;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** Whether an 18-character resident ID number's last character is its check digit (GB 11643). */
export function idCheckDigitValid(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((total, weight, i) => total + weight * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17]?.toUpperCase();
}

const CN_NUMBER = '[0-9０-９一二三四五六七八九十百零〇两]';
// Characters an address's names are made of: not the small words that lead into one (住在, 位于).
const PLACE_CHAR = '[^\\s\\d０-９，。、；：:,.;！？!?（）()“”"\'《》【】的在住于至到和与及是从向将把被搬往]';
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_LETTER = 'A-HJ-NP-Z';

/** The patterns, most specific first: an earlier pattern's match is not looked at by later ones. */
const PATTERNS: readonly {
  kind: Exclude<PersonalDataKind, 'name'>;
  pattern: RegExp;
  accept?: (m: string) => boolean;
}[] = [
  { kind: 'email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g },
  {
    kind: 'id-number',
    pattern:
      /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g,
    accept: idCheckDigitValid,
  },
  {
    // The old 15-digit number: no century, no check digit.
    kind: 'id-number',
    pattern: /(?<![0-9A-Za-z])[1-9]\d{5}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}(?![0-9A-Za-z])/g,
  },
  {
    // Passports and travel permits to Hong Kong, Macao and Taiwan (E12345678, EA1234567, H12345678).
    kind: 'id-number',
    pattern: /(?<![0-9A-Za-z])[EGDSPHMKT][A-Z]?\d{7,8}(?![0-9A-Za-z])/g,
  },
  {
    // 18 characters of GB 32100 with at least one letter (an all-digit one is taken as an ID or card number).
    kind: 'credit-code',
    pattern:
      /(?<![0-9A-Za-z])(?=[0-9A-Z]*[A-Z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z])/g,
  },
  {
    // 16 to 19 digits, often written in groups of four.
    kind: 'bank-card',
    pattern: /(?<![0-9A-Za-z])\d{4}(?:[ -]?\d){12,15}(?![0-9A-Za-z])/g,
  },
  {
    kind: 'phone',
    pattern: /(?<![0-9A-Za-z])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9A-Za-z])/g,
  },
  {
    // A landline with its area code (0571-88886666, (010)12345678, 021 5555 6666).
    kind: 'phone',
    pattern: /(?<![0-9A-Za-z])(?:[(（]0\d{2,3}[)）]|0\d{2,3})[ -]?\d{3,4}[ -]?\d{4}(?![0-9A-Za-z])/g,
  },
  {
    // A local number the text calls a phone (电话88886666).
    kind: 'phone',
    pattern: /(?<=(?:电话|手机|座机|联系方式|tel|Tel|TEL)[:：]?\s*)\d{3,4}[ -]?\d{4}(?!\d)/g,
  },
  {
    // 7 characters (浙A12345), or 8 for a new-energy plate (浙AD12345, 浙A12345F); a trailing 挂/学/警.
    kind: 'plate',
    pattern: new RegExp(
      `[${PROVINCES}][${PLATE_LETTER}][·・.\\s-]?(?:[${PLATE_LETTER}0-9]{5,6}|[${PLATE_LETTER}0-9]{4}[挂学警港澳])(?![0-9A-Za-z])`,
      'g',
    ),
  },
  {
    // Down to a building: 省/市/区/县/街道 before a street, road or estate with its number, then 栋/单元/室.
    kind: 'address',
    pattern: new RegExp(
      `(?:${PLACE_CHAR}{1,8}?(?:省|自治区|市|自治州|区|县|镇|乡|街道))*` +
        `(?:${PLACE_CHAR}{1,10}?(?:路|街|大道|巷|弄|胡同)${CN_NUMBER}+(?:号|弄)` +
        `|${PLACE_CHAR}{1,10}?(?:小区|花园|新村|公寓|家园|苑)${CN_NUMBER}+(?:号楼|幢|栋|号)` +
        `|${PLACE_CHAR}{1,8}?村${CN_NUMBER}+(?:组|号))` +
        `(?:${CN_NUMBER}+(?:号楼|幢|栋|单元|层|楼|室|号))*`,
      'g',
    ),
  },
];

interface Span {
  readonly start: number;
  readonly end: number;
  readonly kind: PersonalDataKind;
  readonly replacement: string;
}

const overlaps = (spans: readonly Span[], start: number, end: number) =>
  spans.some((s) => start < s.end && s.start < end);

/** Every personal datum in `text`, not overlapping, in order: parties' names first, then the patterns. */
function findSpans(text: string, partyNames: readonly string[]): Span[] {
  const spans: Span[] = [];
  const names = [...new Set(partyNames.map((n) => n.trim()).filter((n) => n.length >= 2))];
  // Longer names first, so 张伟民 is not taken as 张伟 with 民 left over.
  const byLength = names
    .map((name) => ({ name, placeholder: partyPlaceholder(names.indexOf(name)) }))
    .sort((a, b) => b.name.length - a.name.length);
  for (const { name, placeholder } of byLength) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
      if (!overlaps(spans, at, at + name.length)) {
        spans.push({ start: at, end: at + name.length, kind: 'name', replacement: placeholder });
      }
    }
  }
  for (const { kind, pattern, accept } of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (match[0].length === 0 || (accept && !accept(match[0]))) continue;
      if (!overlaps(spans, start, end)) spans.push({ start, end, kind, replacement: PLACEHOLDERS[kind] });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * `text` with the personal data replaced: each party's name by its role (当事人甲 for the first
 * name given, 乙 for the second…), numbers, plates, e-mails and addresses by a placeholder.
 */
export function removePersonalData(text: string, partyNames: readonly string[] = []): Anonymised {
  const pieces: TextPiece[] = [];
  const removed: Partial<Record<PersonalDataKind, number>> = {};
  let at = 0;
  for (const span of findSpans(text, partyNames)) {
    if (span.start > at) pieces.push({ text: text.slice(at, span.start) });
    pieces.push({ text: span.replacement, removed: span.kind });
    removed[span.kind] = (removed[span.kind] ?? 0) + 1;
    at = span.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return { text: pieces.map((p) => p.text).join(''), pieces, removed };
}

/** The kinds of personal data left in `text` (none: it may be published), for the check on approval. */
export function personalDataIn(text: string, partyNames: readonly string[] = []): PersonalDataKind[] {
  return [...new Set(findSpans(text, partyNames).map((span) => span.kind))];
}
