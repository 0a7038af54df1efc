import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { download } from '../lib/download.ts';
import { requestLocale } from '../lib/request-locale.ts';
import { monthOf } from '../lib/rosters.ts';
import { idParam, load } from '../lib/route-errors.ts';
import type { Route } from './+types/rota-pdf';

/** The rota of a unit as a PDF download, in the person's language (rendered by the API). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const admin = getAdminContext(context);
  const organisationId = new URL(request.url).searchParams.get('org') ?? '';
  idParam(organisationId);
  const locale = requestLocale(request, context);
  const pdf = await load(
    admin.caller.roster.getPdf({ organisationId, fromMonth: monthOf(todayIn()), locale }),
  );
  return download({
    fileName: pdf.fileName,
    contentType: 'application/pdf',
    contentBase64: pdf.contentBase64,
  });
}
