import { getAdminContext } from '../context.ts';
import { isTrpcError } from '../lib/api-errors.ts';
import { documentDownload } from '../lib/download.ts';
import type { Route } from './+types/partner-link-attachment';

/** No sign-in: a document of the one-time link's referral, as a download. */
export async function loader({ params, context }: Route.LoaderArgs) {
  if (!/^[0-9a-f]{64}$/.test(params.sha256)) throw new Response(null, { status: 404 });
  try {
    return documentDownload(
      await getAdminContext(context).caller.partnerLink.downloadAttachment({
        token: params.token,
        sha256: params.sha256,
      }),
    );
  } catch (error) {
    // The link's own refusals (unknown, used, expired) are its page's to explain.
    if (isTrpcError(error)) throw new Response(null, { status: 404 });
    throw error;
  }
}
