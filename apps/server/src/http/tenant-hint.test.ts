import { describe, expect, it } from 'vitest';
import {
  hostName,
  parseTenantHostSuffix,
  suffixTenantSlug,
  tenantSlugHint,
  withTenantPrefix,
} from './tenant-hint.ts';

const SUFFIX = '.linju.example.gov.cn';

describe('the tenant a request names', () => {
  it('comes from /t/:tenant first', () => {
    expect(tenantSlugHint(new URL('http://localhost:3000/t/xuhui/login'), 'minhang')).toBe('xuhui');
  });
  it('else from the district its host belongs to', () => {
    expect(tenantSlugHint(new URL('http://xuhui.linju.example.gov.cn/login'), 'xuhui')).toBe('xuhui');
    expect(tenantSlugHint(new URL('http://linju.sfj.example.gov.cn/login'), null)).toBeNull();
  });
});

describe('a host under the tenant host suffix', () => {
  it('names the district of its one label before the suffix', () => {
    expect(suffixTenantSlug('xuhui.linju.example.gov.cn', SUFFIX)).toBe('xuhui');
    expect(suffixTenantSlug('XuHui.Linju.Example.gov.cn.:443', SUFFIX)).toBe('xuhui');
  });
  it('names none off the suffix, without a suffix, for more labels, www or the bare suffix', () => {
    expect(suffixTenantSlug('linju.sfj.example.gov.cn', SUFFIX)).toBeNull();
    expect(suffixTenantSlug('xuhui.localhost:3000', SUFFIX)).toBeNull();
    expect(suffixTenantSlug('xuhui.linju.example.gov.cn', null)).toBeNull();
    expect(suffixTenantSlug('a.xuhui.linju.example.gov.cn', SUFFIX)).toBeNull();
    expect(suffixTenantSlug('www.linju.example.gov.cn', SUFFIX)).toBeNull();
    expect(suffixTenantSlug('linju.example.gov.cn', SUFFIX)).toBeNull();
    expect(suffixTenantSlug('evil-linju.example.gov.cn', SUFFIX)).toBeNull();
  });
  it('is configured as a host name suffix, the leading dot optional; anything else is refused by name', () => {
    expect(parseTenantHostSuffix('linju.example.gov.cn')).toBe(SUFFIX);
    expect(parseTenantHostSuffix(' .Linju.Example.gov.cn ')).toBe(SUFFIX);
    expect(parseTenantHostSuffix('')).toBeNull();
    expect(() => parseTenantHostSuffix('.linju..cn')).toThrow(/LINJU_TENANT_HOST_SUFFIX: ".linju..cn"/);
    expect(() => parseTenantHostSuffix('https://linju.cn')).toThrow(/LINJU_TENANT_HOST_SUFFIX/);
  });
  it('is compared without port, case or the final dot', () => {
    expect(hostName('FW.Xuhui.gov.cn.:8443')).toBe('fw.xuhui.gov.cn');
    expect(hostName('[::1]:3000')).toBe('[::1]');
  });
});

describe('a district host’s addresses', () => {
  it('are served by the /t/ routes', () => {
    expect(withTenantPrefix(new URL('http://xuhui.x.cn/login'), 'xuhui').pathname).toBe('/t/xuhui/login');
    expect(withTenantPrefix(new URL('http://xuhui.x.cn/'), 'xuhui').pathname).toBe('/t/xuhui');
    expect(withTenantPrefix(new URL('http://xuhui.x.cn/t/a/x'), 'xuhui').pathname).toBe('/t/a/x');
  });
  it('keep the routes outside every district where they are', () => {
    for (const path of [
      '/platform',
      '/platform/login',
      '/rate',
      '/rate/abc',
      '/survey/x',
      '/p/token',
      '/locale',
    ])
      expect(withTenantPrefix(new URL(`http://xuhui.x.cn${path}`), 'xuhui').pathname).toBe(path);
    expect(withTenantPrefix(new URL('http://xuhui.x.cn/rates'), 'xuhui').pathname).toBe('/t/xuhui/rates');
  });
  it('are left alone on a host of no district', () => {
    expect(withTenantPrefix(new URL('http://linju.sfj.example.gov.cn/'), null).pathname).toBe('/');
  });
});
