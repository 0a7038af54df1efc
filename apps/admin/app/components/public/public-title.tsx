import { useLocale, useTranslate } from '@linju/ui';
import { useRouteLoaderData } from 'react-router';

/** The browser tab's title on the public site: the page, then the district's public service. */
export function PublicTitle({ title }: { title: string }) {
  const t = useTranslate();
  const locale = useLocale();
  const frame = useRouteLoaderData<{ district?: { nameZh: string; nameEn: string } }>('routes/public/layout');
  const district = frame?.district ? (locale === 'en' ? frame.district.nameEn : frame.district.nameZh) : null;
  const service = district ? `${district} · ${t('app.tagline')}` : t('app.tagline');
  return <title>{`${title} · ${service}`}</title>;
}
