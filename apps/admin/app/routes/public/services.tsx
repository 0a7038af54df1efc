import { useTranslate } from '@linju/ui';
import { EntryPointList, ServiceList } from '../../components/public/catalogue-lists.tsx';
import { PublicTitle } from '../../components/public/public-title.tsx';
import { getAdminContext } from '../../context.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/services';

export async function loader({ params, context }: Route.LoaderArgs) {
  const slug = tenantSlugFrom(params);
  const { entryPoints, services } = await getAdminContext(context).caller.site.home();
  return { slug, entryPoints, services };
}

/** 找服务: the district's catalogue, by the plain-language entry points and by service. */
export default function PublicServices({ loaderData }: Route.ComponentProps) {
  const t = useTranslate();
  const { slug, entryPoints, services } = loaderData;
  return (
    <>
      <PublicTitle title={t('publicSite.nav_services')} />
      <h1>{t('publicSite.nav_services')}</h1>
      <EntryPointList slug={slug} entryPoints={entryPoints} />
      <ServiceList slug={slug} services={services} />
    </>
  );
}
