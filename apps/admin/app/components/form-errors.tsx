import type { MessageKey } from '@linju/i18n';
import { ErrorSummary, useTranslate } from '@linju/ui';
import type { FormErrors } from '../lib/api-errors.ts';

/** The translated error of one field, for `TextField`'s `error`. */
export function useFieldError(errors: FormErrors | undefined): (field: string) => string | undefined {
  const t = useTranslate();
  return (field) => {
    const key = errors?.fields[field];
    return key ? t(key, errors?.params) : undefined;
  };
}

/**
 * The error summary of a form: field errors first, in the order the fields appear, each naming
 * its field ("Username: Enter a value.") and linking to it; then problems with the form as a whole.
 */
export function FormErrorSummary({
  errors,
  fields,
}: {
  errors: FormErrors | undefined;
  /**
   * The form's fields in page order, with their visible labels; `id` when the element's id is not
   * the field's name (a page with several forms prefixes them).
   */
  fields: readonly { name: string; label: string; id?: string }[];
}) {
  const t = useTranslate();
  if (!errors) return null;
  const message = (key: MessageKey) => t(key, errors.params);
  const fieldItems = fields.flatMap(({ name, label, id }) => {
    const key = errors.fields[name];
    return key
      ? [{ fieldId: id ?? name, message: t('ui.field_error', { label, message: message(key) }) }]
      : [];
  });
  // A field the form did not list still gets its message shown, not lost.
  const listed = new Set(fields.map(({ name }) => name));
  const unlisted = Object.entries(errors.fields)
    .filter(([name]) => !listed.has(name))
    .map(([, key]) => ({ message: message(key) }));
  const formItems = errors.form.map((key) => ({ message: message(key) }));
  return <ErrorSummary errors={[...fieldItems, ...unlisted, ...formItems]} />;
}

export { FormProblems } from '@linju/ui';
