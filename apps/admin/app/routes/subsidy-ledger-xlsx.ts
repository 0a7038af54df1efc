import { getAdminContext } from '../context.ts';
import { download, XLSX_TYPE } from '../lib/download.ts';
import { load } from '../lib/route-errors.ts';
import type { Route } from './+types/subsidy-ledger-xlsx';

/** A month's subsidy ledger as XLSX, for payment; the API audits the export. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const month = new URL(request.url).searchParams.get('month') ?? '';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Response(null, { status: 404 });
  const file = await load(caller.subsidy.exportLedger({ month }));
  return download({ fileName: file.fileName, contentType: XLSX_TYPE, contentBase64: file.contentBase64 });
}
