import { createContext, type ReactNode, useContext } from 'react';

const CsrfContext = createContext('');

/** Makes the session's CSRF token available to every form below (the app reads it once, at its root). */
export function CsrfProvider({ token, children }: { token: string; children: ReactNode }) {
  return <CsrfContext value={token}>{children}</CsrfContext>;
}

/** The hidden `csrf` field every form posts; the server compares it with its CSRF cookie. */
export function CsrfField() {
  return <input type="hidden" name="csrf" value={useContext(CsrfContext)} />;
}
