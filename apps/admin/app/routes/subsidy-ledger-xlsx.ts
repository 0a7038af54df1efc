import { getAdminContext } from '../context.ts';
import { load } from '../lib/route-errors.ts';
import type { Route } from './+types/subsidy-ledger-xlsx';

/** A month's subsidy ledger as XLSX, for payment; the API audits the export. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const month = new URL(request.url).searchParams.get('month') ?? '';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Response(null, { status: 404 });
  const file = await load(caller.subsidy.exportLedger({ month }));
  return new Response(Buffer.from(file.contentBase64, 'base64'), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
