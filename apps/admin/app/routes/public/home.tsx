import { useTranslate } from '@linju/ui';

/** The district's public site: where a resident starts. */
export default function PublicHome() {
  const t = useTranslate();
  return (
    <>
      <h1>{t('publicSite.home_title')}</h1>
      <p>{t('publicSite.home_intro')}</p>
    </>
  );
}
