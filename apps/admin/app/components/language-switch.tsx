import { LOCALES } from '@linju/i18n';
import { useLocale, useTranslate } from '@linju/ui';
import { Form, useLocation } from 'react-router';
import { CsrfField } from './csrf-field.tsx';

/**
 * Buttons for the other languages, each named in its own language. A plain form post to
 * `/locale`, which sets the `linju_locale` cookie and comes back here, so it works without JavaScript.
 */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useTranslate();
  const location = useLocation();
  return (
    <Form method="post" action="/locale" aria-label={t('ui.switch_language')}>
      <CsrfField />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {LOCALES.filter((other) => other !== locale).map((other) => (
        <button
          key={other}
          className="lj-button lj-button--quiet"
          type="submit"
          name="locale"
          value={other}
          lang={other}
        >
          {t(`locale.${other}`)}
        </button>
      ))}
    </Form>
  );
}
