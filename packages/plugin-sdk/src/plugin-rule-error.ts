/**
 * A plugin's rule refused a request ("the slot is full"). `code` is an i18n message key the admin
 * app shows in the user's language; the platform turns it into the same answer as its own
 * domain errors (400, 404 or 409, with the field named).
 */
export class PluginRuleError extends Error {
  override readonly name = 'PluginRuleError';
  readonly kind: 'bad-request' | 'not-found' | 'conflict';
  readonly field: string | undefined;

  constructor(kind: PluginRuleError['kind'], code: string, options: { field?: string } = {}) {
    super(code);
    this.kind = kind;
    this.field = options.field;
  }
}
