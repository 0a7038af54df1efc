import { useTranslate } from '@linju/ui';
import { data, Link } from 'react-router';
import { DocumentTitle } from '../../components/page-shell.tsx';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/apply-done';

/** A case number as the district numbers its cases (`XH-2026-000123`): nothing else is shown back. */
const CASE_NUMBER = /^[A-Z]{1,6}-\d{4}-\d{6,}$/;

/** The confirmation of an application: its case number, and where to follow it. */
export function loader({ params, url }: Route.LoaderArgs) {
  const number = url.searchParams.get('case') ?? '';
  if (!CASE_NUMBER.test(number)) throw data(null, { status: 404 });
  return { slug: tenantSlugFrom(params), number };
}

export default function PublicApplied({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const { slug, number } = loaderData;
  return (
    <>
      <DocumentTitle title={t('publicApply.done_title')} />
      <h1>{t('publicApply.done_title')}</h1>
      <p className="lj-case-number">
        <strong>{t('publicApply.done_number', { number })}</strong>
      </p>
      <p>{t('publicApply.done_text')}</p>
      <ul>
        <li>
          <Link to={publicSitePaths.follow(slug)}>{t('publicApply.done_follow')}</Link>
        </li>
        <li>
          <Link to={publicSitePaths.apply(slug)}>{t('publicApply.done_again')}</Link>
        </li>
      </ul>
    </>
  );
}
