import { useLocale } from '@linju/ui';
import { data, Outlet } from 'react-router';
import { PublicSiteFrame } from '../../components/public/public-site-frame.tsx';
import { getAdminContext } from '../../context.ts';
import { largeTextFrom } from '../../lib/large-text.ts';
import { tenantSlugFrom } from '../../lib/tenant-paths.ts';
import type { Route } from './+types/layout';

/**
 * The frame of a district's public site: every resident-facing page of the district sits inside
 * it. No account and no session; a district that does not exist (or is not active) is a 404.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const slug = tenantSlugFrom(params);
  const district = await getAdminContext(context).caller.auth.district({ slug });
  if (!district) throw data(null, { status: 404 });
  return { slug, district, largeText: largeTextFrom(request) };
}

export default function PublicSiteLayout({ loaderData }: Route.ComponentProps) {
  const locale = useLocale();
  const { slug, district, largeText } = loaderData;
  return (
    <PublicSiteFrame
      slug={slug}
      districtName={locale === 'en' ? district.nameEn : district.nameZh}
      largeText={largeText}
    >
      <Outlet />
    </PublicSiteFrame>
  );
}
