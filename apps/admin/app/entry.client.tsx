import { DEFAULT_LOCALE, isLocale, loadCatalogue } from '@linju/i18n';
import { StrictMode, startTransition } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { HydratedRouter } from 'react-router/dom';

/**
 * React Router's default browser entry, after the catalogue of the page's language (`<html lang>`,
 * the root's locale) has loaded: the bundle carries no catalogue, and hydration must render the
 * words the server did. The root preloads it (`CataloguePreload`), so this waits on no new request.
 */
const lang = document.documentElement.lang;
loadCatalogue(isLocale(lang) ? lang : DEFAULT_LOCALE).then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  }),
);
