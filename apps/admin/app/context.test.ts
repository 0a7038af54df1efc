import { describe, expect, it, vi } from 'vitest';
import type { AdminLoadContext } from './context.ts';

const value = {
  caller: {} as AdminLoadContext['caller'],
  submitting: () => ({}) as AdminLoadContext['caller'],
  requestId: 'req-1',
  locale: 'en',
  csrfToken: 'token',
  cspNonce: 'nonce',
  uploadMaxBytes: 20 * 1024 * 1024,
  sessionCookie: { serialize: () => 'linju_session=x', clear: () => 'linju_session=' },
  residentCookie: { serialize: () => 'linju_resident=x', clear: () => 'linju_resident=' },
} satisfies AdminLoadContext;

describe('adminContext', () => {
  it('is one key across separately loaded copies of the module', async () => {
    const first = await import('./context.ts');
    vi.resetModules();
    const second = await import('./context.ts');
    expect(second).not.toBe(first);
    expect(second.adminContext).toBe(first.adminContext);
    // A provider made by the server's copy is read by the routes' copy.
    expect(second.getAdminContext(first.createAdminContext(value))).toBe(value);
  });

  it('fails loudly when the server did not provide the context', async () => {
    const { getAdminContext } = await import('./context.ts');
    const { RouterContextProvider } = await import('react-router');
    expect(() => getAdminContext(new RouterContextProvider())).toThrow();
  });
});
