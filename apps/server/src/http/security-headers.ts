import { randomBytes } from 'node:crypto';

/** A fresh value per response for the CSP's `script-src`: the admin app's inline scripts carry it. */
export const newCspNonce = () => randomBytes(16).toString('base64');

/**
 * The headers every response of this origin carries, whatever route answers: no framing by other
 * sites (CSP `frame-ancestors`), scripts only from here or with this response's nonce, no type
 * sniffing, no address sent on to other sites (one-time links carry tokens in their paths), and
 * HSTS once the public URL is HTTPS. Inline `style` attributes stay allowed: the app uses them and
 * they cannot run code.
 */
export function securityHeaders(options: { nonce: string; secure: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    // A district's logo may live on its own website.
    "img-src 'self' data: https:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    // Not `no-referrer`: with it a browser's own form posts say `Origin: null`, which React Router refuses.
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    ...(options.secure ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
