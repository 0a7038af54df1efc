import { formatDate, formatNumber, organisationKindLabel, roleLabel } from '@linju/i18n';
import { Alert, useLocale, useTranslate } from '@linju/ui';
import { PageShell } from '../components/page-shell.tsx';
import { getAdminContext } from '../context.ts';
import { isTrpcError } from '../lib/api-errors.ts';
import {
  buildOrganisationTree,
  countByKind,
  type OrganisationNode,
  type OrganisationRow,
  organisationName,
  splitNetworkAndPartners,
} from '../lib/organisation-tree.ts';
import { requireSession, tenantHeader } from '../lib/session.ts';
import { tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/home';

export async function loader({ params, context }: Route.LoaderArgs) {
  const tenantSlug = tenantSlugFrom(params);
  const { caller } = getAdminContext(context);
  const me = await requireSession(caller, tenantSlug, ['home']);
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
    // Someone without `organisation.read` still has a home page; the list is simply not theirs to see.
    if (!(isTrpcError(error) && error.code === 'FORBIDDEN')) throw error;
    organisations = null;
  }
  return {
    tenant: tenantHeader(me),
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

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, user, organisations } = loaderData;
  return (
    <PageShell title={t('home.title')} tenant={tenant} signedIn>
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

      <h2>{t('home.organisations_heading')}</h2>
      {organisations === null ? (
        <Alert tone="info">{t('auth.forbidden')}</Alert>
      ) : (
        <Organisations rows={organisations} />
      )}
    </PageShell>
  );
}

function Organisations({ rows }: { rows: OrganisationRow[] }) {
  const t = useTranslate();
  const locale = useLocale();
  if (rows.length === 0) return <p>{t('home.no_organisations')}</p>;
  const { network, partners } = splitNetworkAndPartners(buildOrganisationTree(rows, locale));
  const counts = countByKind(rows);
  return (
    <>
      <p>{t('home.organisations_total', { count: formatNumber(locale, rows.length) })}</p>
      <table className="admin-table">
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
          {counts.map(({ kind, open, closed }) => (
            <tr key={kind}>
              <th scope="row">{organisationKindLabel(locale, kind)}</th>
              <td className="admin-number">{formatNumber(locale, open)}</td>
              <td className="admin-number">{formatNumber(locale, closed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {network.length > 0 ? (
        <>
          <h3>{t('home.network_heading')}</h3>
          <OrganisationList nodes={network} />
        </>
      ) : null}
      {partners.length > 0 ? (
        <>
          <h3>{t('home.partners_heading')}</h3>
          <OrganisationList nodes={partners} />
        </>
      ) : null}
    </>
  );
}

function OrganisationList({ nodes }: { nodes: OrganisationNode[] }) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <ul className="admin-tree">
      {nodes.map(({ organisation, children }) => (
        <li key={organisation.id}>
          <span className={organisation.closedAt ? 'admin-tree__closed' : undefined}>
            {organisationName(organisation, locale)}
          </span>{' '}
          <span className="admin-tree__kind">({organisationKindLabel(locale, organisation.kind)})</span>
          {organisation.closedAt ? (
            <span className="admin-tree__closed">
              {' '}
              {t('home.closed_on', { date: formatDate(locale, organisation.closedAt) })}
            </span>
          ) : null}
          {children.length > 0 ? <OrganisationList nodes={children} /> : null}
        </li>
      ))}
    </ul>
  );
}
