import { getAdminContext } from '../context.ts';
import { documentDownload } from '../lib/download.ts';
import { idParam, load } from '../lib/route-errors.ts';
import type { Route } from './+types/provider-evidence';

/** A provider record's evidence document, as a download; the API audits each one. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  idParam(params.id);
  return documentDownload(await load(caller.provider.downloadEvidence({ id: params.id })));
}
