import { getAdminContext } from '../context.ts';
import { documentDownload } from '../lib/download.ts';
import { load } from '../lib/route-errors.ts';
import type { Route } from './+types/case-document';

/**
 * A case document's bytes, as a download (the mediation agreement PDF, an uploaded file). The API
 * checks that the person may read the case and audits the download.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  const uuid = /^[0-9a-f-]{36}$/i;
  if (!uuid.test(params.id) || !uuid.test(params.documentId)) throw new Response(null, { status: 404 });
  return documentDownload(
    await load(caller.case.downloadDocument({ caseId: params.id, documentId: params.documentId })),
  );
}
