import { Button, TextField, useTranslate } from '@linju/ui';
import { Form, redirect } from 'react-router';
import { ResidentShell } from '../components/resident-shell.tsx';
import type { Route } from './+types/survey';

/**
 * The resident's way in to a questionnaire with the code they were given, without an account.
 * A public link goes straight to `/survey/<token>`; the district comes from the code.
 */
export function loader({ request }: Route.LoaderArgs) {
  const code = new URL(request.url).searchParams.get('code')?.trim();
  if (code) throw redirect(`/survey/${encodeURIComponent(code)}`);
  return null;
}

export default function Survey() {
  const t = useTranslate();
  return (
    <ResidentShell title={t('survey.title')}>
      <h1>{t('survey.title')}</h1>
      <p>{t('survey.intro')}</p>
      <Form method="get" className="lj-form">
        <TextField
          name="code"
          label={t('survey.code')}
          hint={t('rate.code_hint')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          required
        />
        <Button type="submit">{t('rate.check')}</Button>
      </Form>
    </ResidentShell>
  );
}
