/**
 * The small part of Semantic Versioning 2.0.0 the plugin contract needs: parse a version, and decide
 * whether the SDK's version satisfies a plugin's `sdkVersion` range. Ranges follow npm's syntax for
 * the common cases: `*`, x-ranges (`1.x`, `1.2.x`, `1`), caret (`^1.2.0`), tilde (`~1.2.0`),
 * comparators (`>=1.2.0 <2.0.0`, space means "and") and alternatives joined by `||`.
 */

/** A parsed semantic version. Build metadata is dropped, as precedence ignores it. */
export interface SemVer {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly string[];
}

const VERSION =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;

/** Parses `1.2.3`, `1.2.3-beta.1` or `1.2.3+build`; `null` when the text is not a version. */
export function parseSemVer(text: string): SemVer | null {
  const match = VERSION.exec(text.trim());
  if (!match) return null;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ? match[4].split('.') : [],
  };
}

/** Semver precedence: negative when `a < b`, zero when equal, positive when `a > b`. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return Math.sign(core);
  if (a.prerelease.length === 0 && b.prerelease.length === 0) return 0;
  if (a.prerelease.length === 0) return 1;
  if (b.prerelease.length === 0) return -1;
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    if (xNumeric && yNumeric) return Math.sign(Number(x) - Number(y));
    if (xNumeric !== yNumeric) return xNumeric ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

type Operator = '<' | '<=' | '>' | '>=' | '=';
interface Comparator {
  readonly operator: Operator;
  readonly version: SemVer;
  /** True for an upper bound the range syntax implies (`^1.2.0` → `<2.0.0-0`), not one the author wrote. */
  readonly implied?: boolean;
}

const PARTIAL = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:-([0-9A-Za-z.-]+))?$/;

interface PartialVersion {
  readonly major: number | null;
  readonly minor: number | null;
  readonly patch: number | null;
  readonly prerelease: readonly string[];
}

function parsePartial(text: string): PartialVersion | null {
  const match = PARTIAL.exec(text);
  if (!match) return null;
  const part = (value: string | undefined) =>
    value === undefined || /^[xX*]$/.test(value) ? null : Number(value);
  const major = part(match[1]);
  const minor = major === null ? null : part(match[2]);
  const patch = minor === null ? null : part(match[3]);
  return { major, minor, patch, prerelease: patch !== null && match[4] ? match[4].split('.') : [] };
}

const version = (
  major: number,
  minor: number,
  patch: number,
  prerelease: readonly string[] = [],
): SemVer => ({
  major,
  minor,
  patch,
  prerelease,
});

/** The comparators of one space-separated term such as `^1.2.0`, `1.x` or `>=1.0.0`; `null` if invalid. */
function parseTerm(term: string): Comparator[] | null {
  const match = /^(\^|~|>=|<=|>|<|=)?(.*)$/.exec(term);
  const operator = match?.[1] ?? '';
  const partial = parsePartial(match?.[2] ?? '');
  if (!partial) return null;
  const { major, minor, patch, prerelease } = partial;
  if (major === null) return operator === '' || operator === '=' || operator === '>=' ? [] : null;

  const lower = version(major, minor ?? 0, patch ?? 0, prerelease);
  // `-0` is the lowest prerelease, so `<2.0.0-0` also excludes 2.0.0's prereleases.
  const nextMajor = version(major + 1, 0, 0, ['0']);
  const nextMinor = version(major, (minor ?? 0) + 1, 0, ['0']);
  const below = (bound: SemVer): Comparator => ({ operator: '<', version: bound, implied: true });
  const atLeast = (bound: SemVer): Comparator => ({ operator: '>=', version: bound, implied: true });
  switch (operator) {
    case '^': {
      const upper =
        major > 0 || minor === null
          ? nextMajor
          : minor > 0 || patch === null
            ? nextMinor
            : version(0, 0, patch + 1, ['0']);
      return [{ operator: '>=', version: lower }, below(upper)];
    }
    case '~':
      return [{ operator: '>=', version: lower }, below(minor === null ? nextMajor : nextMinor)];
    case '':
    case '=':
      if (minor === null) return [{ operator: '>=', version: lower }, below(nextMajor)];
      if (patch === null) return [{ operator: '>=', version: lower }, below(nextMinor)];
      return [{ operator: '=', version: lower }];
    case '>':
      if (minor === null) return [atLeast(nextMajor)];
      if (patch === null) return [atLeast(nextMinor)];
      return [{ operator: '>', version: lower }];
    case '<=':
      if (minor === null) return [below(nextMajor)];
      if (patch === null) return [below(nextMinor)];
      return [{ operator: '<=', version: lower }];
    default:
      return [{ operator: operator as Operator, version: lower }];
  }
}

/** Parses a range into alternatives of comparator sets; `null` when any part is not valid syntax. */
function parseRange(range: string): Comparator[][] | null {
  const alternatives: Comparator[][] = [];
  for (const alternative of range.split('||')) {
    const terms = alternative
      .trim()
      .replace(/(\^|~|>=|<=|>|<|=)\s+/g, '$1')
      .split(/\s+/)
      .filter((term) => term !== '');
    if (terms.length === 0) {
      alternatives.push([]);
      continue;
    }
    const comparators: Comparator[] = [];
    for (const term of terms) {
      const parsed = parseTerm(term);
      if (!parsed) return null;
      comparators.push(...parsed);
    }
    alternatives.push(comparators);
  }
  return alternatives;
}

/** Whether `range` is syntactically valid (see the module comment for the supported forms). */
export function isValidRange(range: string): boolean {
  return range.trim() !== '' && parseRange(range) !== null;
}

function test(comparator: Comparator, candidate: SemVer): boolean {
  const order = compareSemVer(candidate, comparator.version);
  switch (comparator.operator) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '=':
      return order === 0;
  }
}

/**
 * Whether `versionText` satisfies `range`. As in npm, a prerelease version only satisfies a range
 * that names a prerelease of the same major.minor.patch, so `2.0.0-rc.1` does not satisfy `1.x || 2.x`.
 */
export function satisfies(versionText: string, range: string): boolean {
  const candidate = parseSemVer(versionText);
  const alternatives = range.trim() === '' ? null : parseRange(range);
  if (!candidate || !alternatives) return false;
  return alternatives.some(
    (comparators) =>
      comparators.every((comparator) => test(comparator, candidate)) &&
      (candidate.prerelease.length === 0 ||
        comparators.some(
          ({ version: bound, implied }) =>
            !implied &&
            bound.prerelease.length > 0 &&
            bound.major === candidate.major &&
            bound.minor === candidate.minor &&
            bound.patch === candidate.patch,
        )),
  );
}
