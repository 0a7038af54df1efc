import { redirect } from 'react-router';
import { getAdminContext } from '../context.ts';
import { todayIn } from '../lib/advisers.ts';
import { isTrpcError } from '../lib/api-errors.ts';
import { download } from '../lib/download.ts';
import { answersFormOf } from '../lib/hotline-answers.ts';
import { routeErrorFor } from '../lib/route-errors.ts';
import { tenantPaths } from '../lib/tenant-paths.ts';
import type { Route } from './+types/hotline-answers';

/**
 * Downloads the 12345 answers of a period (a GET form on the import page, so it works without
 * JavaScript). A period that cannot be exported goes back to the page with the reason; the API
 * checks the permission and audits the export.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const form = answersFormOf(new URL(request.url).searchParams, todayIn());
  const back = (problem: string) => {
    const query = new URLSearchParams({
      from: form.from,
      to: form.to,
      format: form.format,
      answersError: problem,
    });
    return redirect(`${tenantPaths.hotlineImport(params.tenant)}?${query}#answers`);
  };
  if (form.problem) return back(form.problem);
  let file: Awaited<ReturnType<typeof caller.case.exportHotlineAnswers>>;
  try {
    file = await caller.case.exportHotlineAnswers({ from: form.from, to: form.to, format: form.format });
  } catch (error) {
    // Too many rows for one file: say so on the form, where a shorter period can be chosen.
    if (isTrpcError(error) && error.code === 'BAD_REQUEST' && error.message === 'hotline.answers_too_many')
      return back(error.message);
    throw routeErrorFor(error);
  }
  return download({
    fileName: file.fileName,
    contentType: file.mediaType,
    contentBase64: file.contentBase64,
  });
}
