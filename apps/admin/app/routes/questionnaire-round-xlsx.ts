import { getAdminContext } from '../context.ts';
import { download } from '../lib/download.ts';
import { routeErrorFor } from '../lib/route-errors.ts';
import type { Route } from './+types/questionnaire-round-xlsx';

/** Downloads a round's results as .xlsx (a plain link, so it works without JavaScript); the API audits it. */
export async function loader({ params, context }: Route.LoaderArgs) {
  let file: Awaited<
    ReturnType<ReturnType<typeof getAdminContext>['caller']['questionnaire']['round']['export']>
  >;
  try {
    file = await getAdminContext(context).caller.questionnaire.round.export({ id: params.id });
  } catch (error) {
    throw routeErrorFor(error);
  }
  return download({
    fileName: file.fileName,
    contentType: file.mediaType,
    contentBase64: file.contentBase64,
  });
}
