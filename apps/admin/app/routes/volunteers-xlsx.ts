import { translate } from '@linju/i18n';
import { readTableView, tableCells } from '@linju/ui';
import {
  sortedVolunteers,
  VOLUNTEER_SORTS,
  volunteerColumns,
  volunteerRowView,
} from '../components/volunteer-columns.tsx';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { download, XLSX_TYPE } from '../lib/download.ts';
import { requestLocale } from '../lib/request-locale.ts';
import { load } from '../lib/route-errors.ts';
import type { Route } from './+types/volunteers-xlsx';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 志愿者-<day>.xlsx: the month's volunteers of the unit (or all one may see), as the list shows them; audited by the API. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const search = new URL(request.url).searchParams;
  const month = search.get('month') ?? '';
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Response(null, { status: 404 });
  const org = search.get('org') ?? '';
  const locale = requestLocale(request, context);
  const { sort } = readTableView(search, VOLUNTEER_SORTS);
  const volunteers = await load(
    caller.volunteer.getMany({ month, organisationId: UUID.test(org) ? org : null }),
  );
  const file = await load(
    caller.list.exportXlsx({
      list: 'volunteers',
      filter: `month=${month}${UUID.test(org) ? `&org=${org}` : ''}&sort=${sort}`,
      title: translate(locale, 'volunteers.title'),
      day: todayIn(),
      ...tableCells(
        volunteerColumns(locale),
        sortedVolunteers(volunteers.map(volunteerRowView), sort, locale),
      ),
    }),
  );
  return download({ fileName: file.fileName, contentType: XLSX_TYPE, contentBase64: file.contentBase64 });
}
