import { getAdminContext } from '../context.ts';
import { download, XLSX_TYPE } from '../lib/download.ts';
import { isQuarter } from '../lib/inspections.ts';
import { requestLocale } from '../lib/request-locale.ts';
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
  const locale = requestLocale(request, context);
  const file = await load(admin.caller.scorecard.exportXlsx({ quarter, version, locale }));
  return download({ fileName: file.fileName, contentType: XLSX_TYPE, contentBase64: file.contentBase64 });
}
