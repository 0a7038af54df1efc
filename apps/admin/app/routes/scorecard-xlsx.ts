import { localeFromCookie } from '@linju/i18n';
import { getAdminContext } from '../context.ts';
import { isQuarter } from '../lib/inspections.ts';
import { load } from '../lib/route-errors.ts';
import type { Route } from './+types/scorecard-xlsx';

/**
 * A quarter's scorecard ranking as XLSX, in the person's language (headers in Chinese by
 * default): the published snapshot, or the live computation for those who see it on the screen.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const admin = getAdminContext(context);
  const search = new URL(request.url).searchParams;
  const quarter = search.get('quarter');
  const version = search.get('version');
  if (!isQuarter(quarter) || (version !== 'published' && version !== 'live'))
    throw new Response(null, { status: 404 });
  const locale = localeFromCookie(request.headers.get('Cookie')) ?? admin.locale;
  const file = await load(admin.caller.scorecard.exportXlsx({ quarter, version, locale }));
  return new Response(Buffer.from(file.contentBase64, 'base64'), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
