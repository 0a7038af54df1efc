import type { Locale } from '@linju/i18n';
import { SelectField, TextArea, TextField, useTranslate } from '@linju/ui';
import { type ServiceFormField, serviceFieldName } from '../lib/service-form.ts';

type Props = {
  fields: readonly ServiceFormField[];
  locale: Locale;
  values: Record<string, string | string[] | boolean>;
  error: (name: string) => string | undefined;
};

/**
 * The chosen service's own intake form, rendered from its description: the same fields the
 * server validates with the service's schema (a plugin's, or one a street office defined).
 */
export function ServiceFormFields({ fields, locale, values, error }: Props) {
  const t = useTranslate();
  return (
    <>
      {fields.map((field) => {
        const name = serviceFieldName(field.key);
        const label = field.label[locale];
        const hint = field.help?.[locale];
        const value = values[field.key];
        if (field.type === 'select') {
          return (
            <SelectField
              key={name}
              name={name}
              label={label}
              hint={hint}
              error={error(name)}
              defaultValue={String(value ?? '')}
            >
              <option value="">—</option>
              {field.options?.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label[locale]}
                </option>
              ))}
            </SelectField>
          );
        }
        if (field.type === 'multiselect' || field.type === 'checkbox') {
          const chosen = Array.isArray(value) ? value : [];
          const errorText = error(name);
          return (
            <fieldset key={name} className={errorText ? 'lj-field lj-field--error' : 'lj-field'}>
              <legend className="lj-field__label">{label}</legend>
              {errorText ? <p className="lj-field__error">{errorText}</p> : null}
              {field.type === 'checkbox' ? (
                <label>
                  <input type="checkbox" name={name} defaultChecked={value === true} /> {label}
                </label>
              ) : (
                field.options?.map((o) => (
                  <label key={o.value} className="admin-choice">
                    <input
                      type="checkbox"
                      name={name}
                      value={o.value}
                      defaultChecked={chosen.includes(o.value)}
                    />{' '}
                    {o.label[locale]}
                  </label>
                ))
              )}
            </fieldset>
          );
        }
        if (field.type === 'file') {
          // Posted with the form (multipart); a browser cannot fill a file in again after a failure.
          return (
            <TextField
              key={name}
              name={name}
              label={label}
              hint={hint ? `${hint} ${t('intake.file_hint')}` : t('intake.file_hint')}
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,.docx,.txt,application/pdf,image/jpeg,image/png,text/plain"
              required={field.required}
              error={error(name)}
            />
          );
        }
        if (field.type === 'textarea') {
          // Long text (a dispute's summary, as the service's schema allows over 500 characters).
          return (
            <TextArea
              key={name}
              name={name}
              label={label}
              hint={hint}
              rows={4}
              required={field.required}
              defaultValue={typeof value === 'string' ? value : ''}
              error={error(name)}
            />
          );
        }
        const type = field.type === 'number' ? 'number' : field.type === 'date' ? 'date' : 'text';
        return (
          <TextField
            key={name}
            name={name}
            label={label}
            hint={hint}
            type={type}
            required={field.required}
            defaultValue={typeof value === 'string' ? value : ''}
            error={error(name)}
          />
        );
      })}
    </>
  );
}
