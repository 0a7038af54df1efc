import { formatNumber, type MessageKey, organisationKindLabel, roleLabel } from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import { Link } from 'react-router';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { SECTION_LABEL, type Section, sectionPath } from '../lib/navigation.ts';
import { countByKind, type OrganisationRow, organisationName } from '../lib/organisation-tree.ts';
import { isForbidden } from '../lib/route-errors.ts';
import { signedInPerson } from '../lib/session.ts';
import type { Route } from './+types/home';

export async function loader({ context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const me = signedInPerson(context);
  let organisations: OrganisationRow[] | null;
  try {
    const rows = await caller.organisation.getMany();
    // Only what the page shows travels to the browser.
    organisations = rows.map(({ id, parentId, kind, nameZh, nameEn, closedAt }) => ({
      id,
      parentId,
      kind,
      nameZh,
      nameEn,
      closedAt,
    }));
  } catch (error) {
    // Someone without `organisation.read` still has a home page; the figures are simply not theirs to see.
    if (!isForbidden(error)) throw error;
    organisations = null;
  }
  return {
    user: {
      displayName: me.user.displayName,
      roles: me.user.roles.map(({ role, organisationId, organisationNameZh, organisationNameEn }) => ({
        role,
        organisationId,
        organisationNameZh,
        organisationNameEn,
      })),
    },
    organisations,
  };
}

/** What each section is for, on the home page's shortcuts. */
const SECTION_SUMMARY: Readonly<Record<Exclude<Section, 'today'>, MessageKey>> = {
  organisations: 'home.section_organisations',
  staff: 'home.section_staff',
  advisers: 'home.section_advisers',
  audit: 'home.section_audit',
};

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, sections } = useTenantShell();
  const { user, organisations } = loaderData;
  const shortcuts = sections.filter((section): section is Exclude<Section, 'today'> => section !== 'today');
  return (
    <>
      <DocumentTitle title={t('home.title')} tenant={tenant} />
      <h1>{t('home.greeting', { name: user.displayName })}</h1>

      <h2>{t('home.roles_heading')}</h2>
      {user.roles.length > 0 ? (
        <ul className="admin-list">
          {user.roles.map((grant) => (
            <li key={`${grant.role}:${grant.organisationId}`}>
              {t('home.role_at', {
                role: roleLabel(locale, grant.role),
                organisation: organisationName(
                  { nameZh: grant.organisationNameZh, nameEn: grant.organisationNameEn },
                  locale,
                ),
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('home.no_roles')}</p>
      )}

      {shortcuts.length > 0 ? (
        <>
          <h2>{t('home.shortcuts_heading')}</h2>
          <ul className="admin-cards">
            {shortcuts.map((section) => (
              <li key={section}>
                <Link to={sectionPath(tenant.slug, section)}>{t(SECTION_LABEL[section])}</Link>
                <p>{t(SECTION_SUMMARY[section])}</p>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {organisations ? <OrganisationCounts rows={organisations} /> : null}
    </>
  );
}

function OrganisationCounts({ rows }: { rows: OrganisationRow[] }) {
  const t = useTranslate();
  const locale = useLocale();
  if (rows.length === 0) return <p>{t('home.no_organisations')}</p>;
  return (
    <>
      <h2>{t('home.organisations_heading')}</h2>
      <p>{t('home.organisations_total', { count: formatNumber(locale, rows.length) })}</p>
      <table className="admin-table admin-table--narrow">
        <caption>{t('home.counts_heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('home.counts_kind')}</th>
            <th scope="col" className="admin-number">
              {t('home.counts_open')}
            </th>
            <th scope="col" className="admin-number">
              {t('home.counts_closed')}
            </th>
          </tr>
        </thead>
        <tbody>
          {countByKind(rows).map(({ kind, open, closed }) => (
            <tr key={kind}>
              <th scope="row">{organisationKindLabel(locale, kind)}</th>
              <td className="admin-number">{formatNumber(locale, open)}</td>
              <td className="admin-number">{formatNumber(locale, closed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
