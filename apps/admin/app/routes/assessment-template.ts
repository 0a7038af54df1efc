import { getAdminContext } from '../context.ts';
import { download } from '../lib/download.ts';
import { routeErrorFor } from '../lib/route-errors.ts';
import type { Route } from './+types/assessment-template';

/** Downloads the empty third-party assessment template to hand to an assessor. */
export async function loader({ context }: Route.LoaderArgs) {
  let file: Awaited<ReturnType<ReturnType<typeof getAdminContext>['caller']['assessment']['template']>>;
  try {
    file = await getAdminContext(context).caller.assessment.template();
  } catch (error) {
    throw routeErrorFor(error);
  }
  return download({
    fileName: file.fileName,
    contentType: file.mediaType,
    contentBase64: file.contentBase64,
  });
}
