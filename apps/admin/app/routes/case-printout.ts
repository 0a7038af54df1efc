import { getAdminContext } from '../context.ts';
import { isCasePrintout } from '../lib/case-printouts.ts';
import { download } from '../lib/download.ts';
import { idParam, load } from '../lib/route-errors.ts';
import type { Route } from './+types/case-printout';

/** A printout of the case (受理回执, 案卷封面) as a PDF download under its Chinese name; the API checks the reader. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const caseId = idParam(params.id);
  if (!isCasePrintout(params.printout)) throw new Response(null, { status: 404 });
  return download(await load(caller.case.printout({ caseId, printout: params.printout })));
}
