import { useTranslate } from '@linju/ui';
import { redirect } from 'react-router';
import { RatingCodeForm } from '../components/rating-code-form.tsx';
import { ResidentShell } from '../components/resident-shell.tsx';
import { ratePath } from '../lib/rating.ts';
import type { Route } from './+types/rate';

/**
 * The resident's way in to rating a matter, without an account: a form asking for the one-time
 * code. The district comes from the code, so this page belongs to no district.
 */
export function loader({ request }: Route.LoaderArgs) {
  const code = new URL(request.url).searchParams.get('code')?.trim();
  if (code) throw redirect(ratePath(code));
  return null;
}

export default function Rate() {
  const t = useTranslate();
  return (
    <ResidentShell title={t('rate.title')}>
      <h1>{t('rate.title')}</h1>
      <p>{t('rate.intro')}</p>
      <RatingCodeForm />
    </ResidentShell>
  );
}
