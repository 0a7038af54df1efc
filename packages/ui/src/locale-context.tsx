import {
  DEFAULT_LOCALE,
  hasCatalogue,
  type Locale,
  loadCatalogue,
  type MessageKey,
  type MessageParams,
  translate,
} from '@linju/i18n';
import { createContext, type ReactNode, use, useCallback, useContext } from 'react';

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/**
 * Makes the request's locale available to every component below, on the server and after hydration.
 * A browser holds only the catalogue it loaded first: a switch to the other language waits here for
 * its catalogue (React keeps the page on screen meanwhile, the navigation being a transition).
 */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  if (!hasCatalogue(locale)) use(loadCatalogue(locale));
  return <LocaleContext value={locale}>{children}</LocaleContext>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

/** A `translate` bound to the current locale. */
export function useTranslate(): (key: MessageKey, params?: MessageParams) => string {
  const locale = useLocale();
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}
