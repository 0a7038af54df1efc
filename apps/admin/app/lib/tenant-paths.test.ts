import { describe, expect, it } from 'vitest';
import { isTenantSlug, pathForStep, safeReturnPath, tenantSlugFrom } from './tenant-paths.ts';

describe('tenant slugs', () => {
  it('accepts the API’s slugs and refuses anything else', () => {
    expect(isTenantSlug('xuhui')).toBe(true);
    expect(isTenantSlug('jing-an')).toBe(true);
    expect(isTenantSlug('Xuhui')).toBe(false);
    expect(isTenantSlug('x')).toBe(false);
    expect(isTenantSlug('../admin')).toBe(false);
    expect(tenantSlugFrom({ tenant: 'xuhui' })).toBe('xuhui');
    expect(() => tenantSlugFrom({ tenant: 'evil.example' })).toThrow();
  });
});

describe('pathForStep', () => {
  it('sends each sign-in step to its page', () => {
    expect(pathForStep('xuhui', 'home')).toBe('/t/xuhui');
    expect(pathForStep('xuhui', 'totp')).toBe('/t/xuhui/login/totp');
    expect(pathForStep('xuhui', 'totp-setup')).toBe('/t/xuhui/login/totp-setup');
    expect(pathForStep('xuhui', 'change-password')).toBe('/t/xuhui/change-password');
  });
});

describe('safeReturnPath', () => {
  it('keeps same-site paths and refuses ways off the site', () => {
    expect(safeReturnPath('/t/xuhui?tab=1')).toBe('/t/xuhui?tab=1');
    expect(safeReturnPath('//evil.example/')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example/')).toBe('/');
    expect(safeReturnPath(null)).toBe('/');
  });
});
