// The field reads the token `CsrfProvider` holds (filled at the root), so plugin screens post it too.
export { CsrfField } from '@linju/ui';
