import { translate } from '@linju/i18n';
import { tableCells } from '@linju/ui';
import { caseLedgerColumns } from '../components/case-ledger-columns.tsx';
import { type CaseRowView, caseRowView } from '../components/case-list.tsx';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { type CaseSearch, caseQueryFor, caseSearchString, readCaseSearch } from '../lib/cases.ts';
import { download, EXPORT_MAX_ROWS, XLSX_TYPE } from '../lib/download.ts';
import { requestLocale } from '../lib/request-locale.ts';
import { load } from '../lib/route-errors.ts';
import { tenantSlugFrom } from '../lib/tenant-paths.ts';
import type { Route } from './+types/case-ledger-xlsx';

/**
 * 案件台账-<day>.xlsx: every case of the ledger's search (not only the page shown), with the
 * columns and words of the screen, audited by the API as an export.
 */
async function ledgerFile(
  request: Request,
  context: Route.LoaderArgs['context'],
  tenantSlug: string,
  search: CaseSearch,
) {
  const { caller } = getAdminContext(context);
  const locale = requestLocale(request, context);
  const query = { ...caseQueryFor(search), page: undefined, limit: 200 };
  const rows: CaseRowView[] = [];
  let cursor: string | null | undefined;
  do {
    const page = await load(caller.case.getMany({ ...query, ...(cursor ? { cursor } : {}) }));
    rows.push(...page.cases.map(caseRowView));
    cursor = page.nextCursor;
  } while (cursor && rows.length < EXPORT_MAX_ROWS);
  const { services } = await load(caller.catalogue.screens());
  const today = todayIn();
  const columns = caseLedgerColumns({ locale, services, today, tenantSlug });
  const file = await load(
    caller.list.exportXlsx({
      list: 'cases',
      // The filter as its address says it; a term only as the fact that there was one.
      filter: `${caseSearchString({ ...search, page: 1 })}${search.q ? ' +q' : ''}`,
      title: translate(locale, 'cases.ledger_file'),
      day: today,
      ...tableCells(columns, rows.slice(0, EXPORT_MAX_ROWS)),
    }),
  );
  return download({ fileName: file.fileName, contentType: XLSX_TYPE, contentBase64: file.contentBase64 });
}

/** The ledger's filters from the address (no term). */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const search = readCaseSearch(new URL(request.url).searchParams);
  return ledgerFile(request, context, tenantSlugFrom(params), search);
}

/** A search with a term, posted so the term never enters an address. */
export async function action({ request, params, context }: Route.ActionArgs) {
  const search = readCaseSearch(await request.formData());
  return ledgerFile(request, context, tenantSlugFrom(params), search);
}
