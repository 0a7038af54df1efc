import { formatDate, type MessageKey } from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import { Link } from 'react-router';
import { PageError } from '../components/page-error.tsx';
import { DocumentTitle } from '../components/page-shell.tsx';
import { useTenantShell } from '../components/tenant-shell.ts';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { organisationName } from '../lib/organisation-tree.ts';
import { monthOf, slotsByWeekday } from '../lib/rosters.ts';
import { idParam, load } from '../lib/route-errors.ts';
import { serviceName } from '../lib/service-name.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/rota-print';

/**
 * The printable rota of a service point (公示): weekly duty hours and the themed days ahead. The
 * print stylesheet leaves out the app's header and navigation, so the browser's "print" (or
 * "save as PDF") gives a notice for the room's wall.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const organisationId = new URL(request.url).searchParams.get('org') ?? '';
  idParam(organisationId);
  const organisations = await load(caller.organisation.getMany());
  const unit = organisations.find((row) => row.id === organisationId);
  if (!unit) throw new Response(null, { status: 404 });
  const roster = await load(caller.roster.get({ organisationId, fromMonth: monthOf(todayIn()) }));
  return {
    unit: { id: unit.id, nameZh: unit.nameZh, nameEn: unit.nameEn, address: unit.address, phone: unit.phone },
    days: slotsByWeekday(
      roster.slots.map(({ id, weekday, startsAt, endsAt, serviceType, personName }) => ({
        id,
        weekday,
        startsAt,
        endsAt,
        serviceType,
        personName,
      })),
    ),
    themedDays: roster.themedDays.map(({ id, day, theme, serviceType }) => ({ id, day, theme, serviceType })),
  };
}

export default function RotaPrint({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  const { tenant, services } = useTenantShell();
  const { unit, days, themedDays } = loaderData;
  const title = t('rosters.print_title', { unit: organisationName(unit, locale) });
  return (
    <article className="admin-rota">
      <DocumentTitle title={title} tenant={tenant} />
      <p className="admin-no-print">
        <Link to={`${tenantPaths.rosters(tenant.slug)}?org=${unit.id}`}>{t('rosters.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p>{t('rosters.print_intro')}</p>
      {unit.address || unit.phone ? (
        <p className="admin-muted">{[unit.address, unit.phone].filter(Boolean).join(' · ')}</p>
      ) : null}
      {days.length === 0 ? (
        <p>{t('rosters.no_slots')}</p>
      ) : (
        <table className="admin-table admin-rota__table">
          <thead>
            <tr>
              <th scope="col">{t('rosters.col_day')}</th>
              <th scope="col">{t('rosters.col_hours')}</th>
              <th scope="col">{t('rosters.col_service')}</th>
              <th scope="col">{t('rosters.col_person')}</th>
            </tr>
          </thead>
          <tbody>
            {days.flatMap(({ weekday, slots }) =>
              slots.map((slot, n) => (
                <tr key={slot.id}>
                  {n === 0 ? (
                    <th scope="rowgroup" rowSpan={slots.length}>
                      {t(`weekday.${weekday}` as MessageKey)}
                    </th>
                  ) : null}
                  <td className="admin-nowrap">{`${slot.startsAt}–${slot.endsAt}`}</td>
                  <td>{serviceName(services, slot.serviceType, locale)}</td>
                  <td>{slot.personName}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}
      <h2>{t('rosters.themed_heading')}</h2>
      {themedDays.length === 0 ? (
        <p>{t('rosters.no_themed')}</p>
      ) : (
        <ul>
          {themedDays.map((themed) => (
            <li key={themed.id}>
              <strong>{formatDate(locale, themed.day)}</strong> {themed.theme}
              {themed.serviceType ? ` · ${serviceName(services, themed.serviceType, locale)}` : ''}
            </li>
          ))}
        </ul>
      )}
      <p className="admin-no-print admin-action-row">
        <button type="button" className="lj-button" onClick={() => window.print()}>
          {t('rosters.print_now')}
        </button>
        {/* A document download, not a page: the router must not fetch it as one. */}
        <a
          className="lj-button lj-button--secondary"
          href={`${tenantPaths.rotaPdf(tenant.slug)}?org=${unit.id}`}
          download
        >
          {t('rosters.download_pdf')}
        </a>
      </p>
    </article>
  );
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <PageError error={error} />;
}
