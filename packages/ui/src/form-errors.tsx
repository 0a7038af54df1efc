import type { MessageKey, MessageParams } from '@linju/i18n';
import { Alert } from './alert.tsx';
import { useTranslate } from './locale-context.tsx';

/** A form's problems as message keys: one per field, plus any that concern the whole form. */
export interface FormErrors {
  /** Problems not tied to a field, shown in the error summary only. */
  form: MessageKey[];
  /** The first problem of each field, by field name. */
  fields: Record<string, MessageKey>;
  /** Parameters for the messages (e.g. `{ seconds }` of `auth.throttled`). */
  params?: MessageParams | undefined;
}

/** The problems with a form as a whole (not one field), as one alert; nothing when there are none. */
export function FormProblems({ errors }: { errors: FormErrors | undefined }) {
  const t = useTranslate();
  if (!errors || errors.form.length === 0) return null;
  return (
    <Alert tone="error">
      {errors.form.map((key) => (
        <p key={key}>{t(key, errors.params)}</p>
      ))}
    </Alert>
  );
}
