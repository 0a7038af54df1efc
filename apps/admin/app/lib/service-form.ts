import type { Locale } from '@linju/i18n';

/** A field of a service's intake form, as `catalogue.getMany` describes it (`FormField` of the SDK). */
export type ServiceFormField = {
  key: string;
  label: Record<Locale, string>;
  help?: Record<Locale, string> | undefined;
  type: 'text' | 'textarea' | 'number' | 'date' | 'checkbox' | 'select' | 'multiselect';
  required: boolean;
  options?: { value: string; label: Record<Locale, string> }[] | undefined;
};

/** Form fields of the service's own form are posted as `form.<key>`. */
export const serviceFieldName = (key: string) => `form.${key}`;

/**
 * The service form's answers from a posted form: only the described fields, empty ones left out so
 * the service's schema says what is missing; several values for a multiple choice.
 */
export function readServiceForm(
  form: FormData,
  fields: readonly ServiceFormField[],
): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const field of fields) {
    const name = serviceFieldName(field.key);
    if (field.type === 'multiselect') {
      const chosen = form.getAll(name).filter((v): v is string => typeof v === 'string' && v !== '');
      if (chosen.length > 0) answers[field.key] = chosen;
    } else if (field.type === 'checkbox') {
      answers[field.key] = form.get(name) === 'on';
    } else {
      const value = form.get(name);
      if (typeof value === 'string' && value.trim() !== '') answers[field.key] = value.trim();
    }
  }
  return answers;
}

/** What to fill the fields with again after a refused submission. */
export function serviceFormValues(
  answers: Record<string, unknown>,
): Record<string, string | string[] | boolean> {
  const values: Record<string, string | string[] | boolean> = {};
  for (const [key, value] of Object.entries(answers)) {
    values[key] = Array.isArray(value)
      ? value.map(String)
      : typeof value === 'boolean'
        ? value
        : String(value);
  }
  return values;
}
