import { describe, expect, it } from 'vitest';
import { publicSiteNext, verifyPath } from './resident-next.ts';

describe('publicSiteNext', () => {
  it('keeps a path of the district’s public site, with its query', () => {
    expect(publicSiteNext('xuhui', '/t/xuhui/public/follow?case=1')).toBe('/t/xuhui/public/follow?case=1');
    expect(publicSiteNext('xuhui', '/t/xuhui/public')).toBe('/t/xuhui/public');
  });

  it.each([
    ['another site', 'https://evil.example/t/xuhui/public'],
    ['a protocol-relative address', '//evil.example/t/xuhui/public'],
    ['a backslash trick', '/\\evil.example'],
    ['another district', '/t/minhang/public/follow'],
    ['the staff side', '/t/xuhui/cases'],
    ['a look-alike prefix', '/t/xuhui/publicity'],
    ['a climb out of the site', '/t/xuhui/public/../cases'],
    ['nothing', null],
  ])('sends %s to the site’s home', (_, next) => {
    expect(publicSiteNext('xuhui', next)).toBe('/t/xuhui/public');
  });

  it('builds the verify address with the checked next', () => {
    expect(verifyPath('xuhui', '/t/xuhui/public/follow')).toBe(
      '/t/xuhui/public/verify?next=%2Ft%2Fxuhui%2Fpublic%2Ffollow',
    );
  });
});
