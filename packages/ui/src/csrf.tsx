import { createContext, type ReactNode, useContext } from 'react';

const CsrfContext = createContext({ token: '', submissionKey: '' });

/**
 * Makes the session's CSRF token and the rendering's submission key available to every form below
 * (the app reads them once, at its root).
 */
export function CsrfProvider({
  token,
  submissionKey = '',
  children,
}: {
  token: string;
  submissionKey?: string;
  children: ReactNode;
}) {
  return <CsrfContext value={{ token, submissionKey }}>{children}</CsrfContext>;
}

/**
 * The hidden fields every form posts: `csrf`, which the server compares with its CSRF cookie, and
 * `submission`, the rendering's key, with which the server makes a repeated post's changes once.
 */
export function CsrfField() {
  const { token, submissionKey } = useContext(CsrfContext);
  return (
    <>
      <input type="hidden" name="csrf" value={token} />
      {submissionKey ? <input type="hidden" name="submission" value={submissionKey} /> : null}
    </>
  );
}
