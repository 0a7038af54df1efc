import type { AppCaller } from '@linju/api';
import type { Locale } from '@linju/i18n';
import { createContext, type RouterContext, RouterContextProvider } from 'react-router';

/** The tRPC server-side caller, bound to this request's session. Type only: no server code reaches the bundle. */
export type Caller = AppCaller;

/**
 * What the server (apps/server) provides to every loader and action of the admin app.
 * React Router 8 passes loaders a `RouterContextProvider`, not a plain object (`AppLoadContext`
 * is gone since 8.0.1), so this travels under the `adminContext` key: build it with
 * `createAdminContext(value)` and hand that to the request handler.
 */
export interface AdminLoadContext {
  caller: Caller;
  /**
   * The caller for answering a form's post that carried a submission key: each change it makes is
   * made once per key, so a repeated post (a double click, a replay) gets the first answer.
   */
  submitting: (submissionKey: string) => Caller;
  requestId: string;
  /** The locale negotiated by the server; a `linju_locale` cookie the app set still takes precedence. */
  locale: Locale;
  /** Rendered into every form as the hidden `csrf` field; the server checks it against its cookie. */
  csrfToken: string;
  /** The most bytes one uploaded file may have (`LINJU_UPLOAD_MAX_BYTES`): a form reading a file whole stops there. */
  uploadMaxBytes: number;
  /** This response's CSP nonce (`script-src 'nonce-…'`): the app's inline scripts carry it. */
  cspNonce: string;
  sessionCookie: {
    serialize(token: string, expiresAt: Date): string;
    clear(): string;
  };
  /** The resident's session on the district's public site (`linju_resident`), set like `sessionCookie`. */
  residentCookie: {
    serialize(token: string, expiresAt: Date): string;
    clear(): string;
  };
}

// The server imports this module from source while the route modules use the copy bundled into
// build/server; `createContext` keys by object identity, so both copies must share one key. A
// registered symbol on globalThis gives them the same one without the server reaching into the build.
const registryKey = Symbol.for('linju.admin.load-context');
const registry = globalThis as { [registryKey]?: RouterContext<AdminLoadContext> };

function sharedKey(): RouterContext<AdminLoadContext> {
  const existing = registry[registryKey];
  if (existing) return existing;
  const created = createContext<AdminLoadContext>();
  registry[registryKey] = created;
  return created;
}

/** The key under which `AdminLoadContext` is stored in React Router's context. */
export const adminContext = sharedKey();

/** The load context to pass to React Router's request handler: `handler(request, createAdminContext(value))`. */
export function createAdminContext(value: AdminLoadContext): RouterContextProvider {
  const provider = new RouterContextProvider();
  provider.set(adminContext, value);
  return provider;
}

/** The admin context inside a loader or action; throws if the server did not provide it. */
export function getAdminContext(context: Readonly<RouterContextProvider>): AdminLoadContext {
  return context.get(adminContext);
}
