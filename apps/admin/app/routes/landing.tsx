import { useLocale, useTranslate } from '@linju/ui';
import { Link } from 'react-router';
import { PageShell } from '../components/page-shell.tsx';
import { getAdminContext } from '../context.ts';
import { platformPaths, tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/landing';

/** The demo district the seed data creates. */
const DEMO_TENANT = 'xuhui';

/** The installed core services, named as their manifests name them. */
export async function loader({ context }: Route.LoaderArgs) {
  const installed = await getAdminContext(context).caller.catalogue.installed();
  return { services: installed.filter((service) => service.kind === 'core') };
}

export default function Landing({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const locale = useLocale();
  return (
    <PageShell title={t('app.tagline')}>
      <h1>{t('landing.title')}</h1>
      <p className="admin-lead">{t('landing.intro')}</p>
      <ul className="admin-list">
        <li>{t('landing.point_network')}</li>
        <li>{t('landing.point_catalogue')}</li>
        <li>{t('landing.point_referral')}</li>
      </ul>
      <h2>{t('landing.services_heading')}</h2>
      <ul className="admin-services">
        {loaderData.services.map((service) => (
          <li key={service.id}>{service.name[locale]}</li>
        ))}
      </ul>
      <h2>{t('landing.demo_heading')}</h2>
      <p>
        <Link to={tenantPaths.login(DEMO_TENANT)}>{t('landing.demo_link')}</Link>
      </p>
      <p>
        <Link to={platformPaths.login}>{t('landing.platform_link')}</Link>
      </p>
    </PageShell>
  );
}
