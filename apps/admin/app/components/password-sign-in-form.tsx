import { Button, TextField, useTranslate } from '@linju/ui';
import { Form } from 'react-router';
import type { FormErrors } from '../lib/api-errors.ts';
import { CsrfField } from './csrf-field.tsx';
import { FormErrorSummary, useFieldError } from './form-errors.tsx';

/** The fields a password sign-in posts, for the action's error mapping. */
export const SIGN_IN_FIELDS = ['username', 'password'] as const;

type Props = {
  errors: FormErrors | undefined;
  username: string | undefined;
  /** What stands between the error summary and the form: the heading and a line of context. */
  children: React.ReactNode;
};

/** Username and password, as staff and platform operators sign in; the password is never re-filled. */
export function PasswordSignInForm({ errors, username, children }: Props) {
  const t = useTranslate();
  const fieldError = useFieldError(errors);
  const labels = { username: t('login.username'), password: t('login.password') };
  return (
    <>
      <FormErrorSummary
        errors={errors}
        fields={SIGN_IN_FIELDS.map((name) => ({ name, label: labels[name] }))}
      />
      {children}
      <Form method="post" className="lj-form" noValidate>
        <CsrfField />
        <TextField
          label={labels.username}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          defaultValue={username}
          error={fieldError('username')}
        />
        <TextField
          label={labels.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldError('password')}
        />
        <Button type="submit">{t('login.submit')}</Button>
      </Form>
    </>
  );
}
