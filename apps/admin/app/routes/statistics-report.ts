import { getAdminContext } from '../context.ts';
import { download } from '../lib/download.ts';
import { load } from '../lib/route-errors.ts';
import type { Route } from './+types/statistics-report';

/** Downloads a finished statistics report, XLSX or (`?format=pdf`) PDF; the API checks it may be read. */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const format = new URL(request.url).searchParams.get('format') === 'pdf' ? 'pdf' : 'xlsx';
  return download(await load(caller.statistics.report.download({ id: params.id, format })));
}
