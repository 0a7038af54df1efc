import { useTranslate } from '@linju/ui';
import { Form, useLocation } from 'react-router';
import { publicSitePaths } from '../../lib/public-site-paths.ts';
import { CsrfField } from '../csrf-field.tsx';

/**
 * The large-text switch (适老化): a plain form post that sets a cookie and comes back here, so
 * it works without JavaScript. It offers the other size, and says which one it is.
 */
export function LargeTextSwitch({ slug, on }: { slug: string; on: boolean }) {
  const t = useTranslate();
  const location = useLocation();
  return (
    <Form
      method="post"
      action={publicSitePaths.largeText(slug)}
      aria-label={t('publicSite.large_text_label')}
    >
      <CsrfField />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button className="lj-button lj-button--quiet" type="submit" name="largeText" value={on ? 'off' : 'on'}>
        {t(on ? 'publicSite.large_text_off' : 'publicSite.large_text_on')}
      </button>
    </Form>
  );
}
