import { Button, TextField, useTranslate } from '@linju/ui';
import { Form } from 'react-router';

/**
 * Asks for the one-time rating code. Shown first at `/rate` and again, with the refusal on the
 * field, when a code was wrong, so the resident retries in place.
 */
export function RatingCodeForm({
  error,
  defaultValue,
}: {
  error?: string | undefined;
  defaultValue?: string;
}) {
  const t = useTranslate();
  return (
    <Form method="get" action="/rate" className="lj-form">
      <TextField
        name="code"
        label={t('rate.code')}
        hint={t('rate.code_hint')}
        error={error}
        defaultValue={defaultValue}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
      />
      <Button type="submit">{t('rate.check')}</Button>
    </Form>
  );
}
