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
  /** The form's fields in page order, with their visible labels. */
  fields: readonly { name: string; label: string }[];
}) {
  const t = useTranslate();
  if (!errors) return null;
  const message = (key: MessageKey) => t(key, errors.params);
  const fieldItems = fields.flatMap(({ name, label }) => {
    const key = errors.fields[name];
    return key ? [{ fieldId: name, message: t('ui.field_error', { label, message: message(key) }) }] : [];
  });
  const formItems = errors.form.map((key) => ({ message: message(key) }));
  return <ErrorSummary errors={[...fieldItems, ...formItems]} />;
}
