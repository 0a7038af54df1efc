import { describe, expect, it } from 'vitest';
import { hostTenantSlug, tenantSlugHint, withTenantPrefix } from './tenant-hint.ts';

describe('the tenant a request names', () => {
  it('comes from /t/:tenant first', () => {
    expect(tenantSlugHint(new URL('http://localhost:3000/t/xuhui/login'), 'localhost:3000')).toBe('xuhui');
  });
  it('else from the first label of the host', () => {
    expect(tenantSlugHint(new URL('http://xuhui.localhost:3000/login'), 'xuhui.localhost:3000')).toBe(
      'xuhui',
    );
  });
  it('is none for a bare host, an IP address or www', () => {
    expect(hostTenantSlug('localhost:3000')).toBeNull();
    expect(hostTenantSlug('127.0.0.1:3000')).toBeNull();
    expect(hostTenantSlug('www.example.org')).toBeNull();
  });
  it('rewrites host-style URLs to the /t/ routes', () => {
    expect(withTenantPrefix(new URL('http://xuhui.localhost/login'), 'xuhui.localhost').pathname).toBe(
      '/t/xuhui/login',
    );
    expect(withTenantPrefix(new URL('http://xuhui.localhost/'), 'xuhui.localhost').pathname).toBe('/t/xuhui');
    expect(withTenantPrefix(new URL('http://localhost/t/a/x'), 'localhost').pathname).toBe('/t/a/x');
  });
});
