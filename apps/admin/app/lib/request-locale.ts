import { localeFromCookie } from '@linju/i18n';
import type { RouterContextProvider } from 'react-router';
import { getAdminContext } from '../context.ts';

/** The language of a loader's answer: the person's choice (cookie) over the browser's. */
export const requestLocale = (request: Request, context: Readonly<RouterContextProvider>) =>
  localeFromCookie(request.headers.get('Cookie')) ?? getAdminContext(context).locale;
