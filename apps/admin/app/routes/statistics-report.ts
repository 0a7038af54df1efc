import { getAdminContext } from '../context.ts';
import { load } from '../lib/route-errors.ts';
import type { Route } from './+types/statistics-report';

/** Downloads a finished statistics report (XLSX); the API checks it is the person's own. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const file = await load(caller.stats.report.download({ id: params.id }));
  return new Response(Buffer.from(file.contentBase64, 'base64'), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'private, no-store',
    },
  });
}
