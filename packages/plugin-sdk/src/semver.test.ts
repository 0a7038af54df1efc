import { describe, expect, it } from 'vitest';
import { compareSemVer, isValidRange, parseSemVer, satisfies } from './semver.ts';

describe('parseSemVer', () => {
  it('reads release and prerelease versions and ignores build metadata', () => {
    expect(parseSemVer('1.2.3')).toEqual({ major: 1, minor: 2, patch: 3, prerelease: [] });
    expect(parseSemVer('1.0.0-rc.1+build.5')).toEqual({
      major: 1,
      minor: 0,
      patch: 0,
      prerelease: ['rc', '1'],
    });
  });

  it('refuses what is not a full version', () => {
    for (const text of ['1.2', '01.2.3', '1.2.3.4', 'latest', '']) expect(parseSemVer(text)).toBeNull();
  });
});

describe('compareSemVer', () => {
  it('orders by precedence, prereleases before their release', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0',
      '1.1.0',
    ];
    const parsed = ordered.map((text) => parseSemVer(text) ?? expect.fail(text));
    for (let i = 1; i < parsed.length; i++) {
      expect(compareSemVer(parsed[i - 1] ?? expect.fail(), parsed[i] ?? expect.fail())).toBe(-1);
    }
  });
});

describe('satisfies', () => {
  it.each([
    ['1.0.0', '1.x', true],
    ['1.9.3', '1.x', true],
    ['2.0.0', '1.x', false],
    ['1.0.0', '1', true],
    ['1.2.7', '1.2.x', true],
    ['1.3.0', '1.2.x', false],
    ['1.4.2', '^1.2.0', true],
    ['1.1.0', '^1.2.0', false],
    ['0.2.5', '^0.2.0', true],
    ['0.3.0', '^0.2.0', false],
    ['1.2.9', '~1.2.0', true],
    ['1.3.0', '~1.2.0', false],
    ['1.5.0', '>=1.2.0 <2.0.0', true],
    ['2.0.0', '>=1.2.0 <2.0.0', false],
    ['2.1.0', '>1.x', true],
    ['1.0.0', '2.x || 1.x', true],
    ['1.0.0', '*', true],
    ['2.0.0-rc.1', '1.x || 2.x', false],
    ['2.0.0-rc.2', '>=2.0.0-rc.1', true],
    ['1.0.0', 'banana', false],
  ])('%s in %s is %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });
});

describe('isValidRange', () => {
  it('accepts the supported forms and refuses anything else', () => {
    for (const range of ['1.x', '^1.2.0', '~1.2', '>=1.0.0 <2', '1.x || 2.x', '*'])
      expect(isValidRange(range)).toBe(true);
    for (const range of ['', 'one', '1.2.3.4', '^^1', '<*']) expect(isValidRange(range)).toBe(false);
  });
});
