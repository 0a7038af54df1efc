import { localeFromCookie } from '@linju/i18n';
import { getAdminContext } from '../context.ts';
import { download, XLSX_TYPE } from '../lib/download.ts';
import { load } from '../lib/route-errors.ts';
import type { Route } from './+types/statistics-districts-xlsx';

const PERIOD = /^\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$/;

/** The city's districts side by side as XLSX, the same rows and totals as the screen (Chinese headings by default). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const admin = getAdminContext(context);
  const period = new URL(request.url).searchParams.get('period') ?? '';
  if (!PERIOD.test(period)) throw new Response(null, { status: 404 });
  const locale = localeFromCookie(request.headers.get('Cookie')) ?? admin.locale;
  const file = await load(admin.caller.statistics.cityOverview.exportXlsx({ period, locale }));
  return download({ fileName: file.fileName, contentType: XLSX_TYPE, contentBase64: file.contentBase64 });
}
