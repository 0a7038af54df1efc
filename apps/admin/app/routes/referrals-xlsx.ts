import { translate } from '@linju/i18n';
import { readTableView, tableCells } from '@linju/ui';
import {
  OUTGOING_REFERRAL_SORTS,
  outgoingReferralColumns,
  sortedOutgoingReferrals,
} from '../components/outgoing-referral-columns.tsx';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { download, XLSX_TYPE } from '../lib/download.ts';
import { outgoingReferralRows } from '../lib/outgoing-referrals.ts';
import { requestLocale } from '../lib/request-locale.ts';
import { load } from '../lib/route-errors.ts';
import { tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/referrals-xlsx';

/**
 * 转介-<day>.xlsx: the sent referrals one may read (all the list holds, not only the page shown),
 * in the list's order and words; audited by the API as an export.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const locale = requestLocale(request, context);
  const { sort } = readTableView(new URL(request.url).searchParams, OUTGOING_REFERRAL_SORTS);
  const { rows } = await outgoingReferralRows(caller);
  // The case's link is the screen's way to it; the sheet has no use for it.
  const columns = outgoingReferralColumns({
    locale,
    now: new Date().toISOString(),
    tenantSlug: tenantSlugFrom(params),
  }).filter((column) => column.text);
  const file = await load(
    caller.list.exportXlsx({
      list: 'referrals',
      filter: `sort=${sort}`,
      title: translate(locale, 'referrals.title'),
      day: todayIn(),
      ...tableCells(columns, sortedOutgoingReferrals(rows, sort)),
    }),
  );
  return download({ fileName: file.fileName, contentType: XLSX_TYPE, contentBase64: file.contentBase64 });
}
