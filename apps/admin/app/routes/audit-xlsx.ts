import { translate } from '@linju/i18n';
import { tableCells } from '@linju/ui';
import { type AuditRowView, auditColumns } from '../components/audit-columns.tsx';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { auditQueryParams, parseAuditQuery } from '../lib/audit-log.ts';
import { download, EXPORT_MAX_ROWS, XLSX_TYPE } from '../lib/download.ts';
import { requestLocale } from '../lib/request-locale.ts';
import { load } from '../lib/route-errors.ts';
import { tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/audit-xlsx';

/**
 * 审计日志-<day>.xlsx: the log's entries under its filter (from its cursor, newest first, not only
 * the page shown), in the log's words; the export itself is audited by the API.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const locale = requestLocale(request, context);
  const query = parseAuditQuery(new URL(request.url).searchParams);
  const rows: AuditRowView[] = [];
  let before = query.before;
  do {
    const page = await load(
      caller.audit.getMany({
        limit: 200,
        ...(before ? { before } : {}),
        ...(query.objectType ? { objectType: query.objectType } : {}),
        ...(query.objectId ? { objectId: query.objectId } : {}),
      }),
    );
    rows.push(...page.entries);
    before = page.nextBefore ?? undefined;
  } while (before && rows.length < EXPORT_MAX_ROWS);
  // The snapshots stay on the screen behind their disclosure: the sheet says what each entry did.
  const columns = auditColumns({ locale, slug: tenantSlugFrom(params) }).filter((column) => column.text);
  const file = await load(
    caller.list.exportXlsx({
      list: 'audit-log',
      filter: auditQueryParams(query).toString(),
      title: translate(locale, 'audit.title'),
      day: todayIn(),
      ...tableCells(columns, rows.slice(0, EXPORT_MAX_ROWS)),
    }),
  );
  return download({ fileName: file.fileName, contentType: XLSX_TYPE, contentBase64: file.contentBase64 });
}
