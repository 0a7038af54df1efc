/** What went wrong, as an i18n message key (shown in the user's language) and the field it concerns. */
export type DomainErrorKind =
  | 'bad-request'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'throttled';

export class DomainError extends Error {
  override name = 'DomainError';
  readonly kind: DomainErrorKind;
  readonly field: string | undefined;
  readonly params: Record<string, string | number> | undefined;
  constructor(
    kind: DomainErrorKind,
    code: string,
    options: { field?: string; params?: Record<string, string | number> } = {},
  ) {
    super(code);
    this.kind = kind;
    this.field = options.field;
    this.params = options.params;
  }
}
