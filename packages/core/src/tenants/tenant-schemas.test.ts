import { describe, expect, it } from 'vitest';
import { ZBranding } from './tenant-schemas.ts';

const logo = (logoUrl: string) => ZBranding.safeParse({ colour: '#b4232a', logoUrl });

describe('a district’s logo address', () => {
  it('is an http(s) URL or a path on this site', () => {
    for (const ok of ['https://example.org/logo.png', 'http://example.org/a.svg', '/favicon.svg'])
      expect(logo(ok).success, ok).toBe(true);
  });

  it('is never a script, inline data or another site by a protocol-relative path', () => {
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:image/svg+xml,<svg onload=alert(1)>',
      'vbscript:msgbox(1)',
      '//evil.example/logo.png',
      'https:/evil',
      'file:///etc/passwd',
    ]) {
      const parsed = logo(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message, bad).toBe('validation.url_invalid');
    }
  });
});
