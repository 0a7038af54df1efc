import { DEFAULT_LOCALE, type Locale, type MessageKey, type MessageParams, translate } from '@linju/i18n';
import { createContext, type ReactNode, useCallback, useContext } from 'react';

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/** Makes the request's locale available to every component below, on the server and after hydration. */
export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
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
