import { getAdminContext } from '../context.ts';
import { documentDownload } from '../lib/download.ts';
import { load } from '../lib/route-errors.ts';
import type { Route } from './+types/referral-attachment';

/**
 * A document that came with a referral, for its partner (the inbox). The API checks that the
 * person answers that referral, fetches it from the sending node on first read, and audits it.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  if (!/^[0-9a-f-]{36}$/i.test(params.id) || !/^[0-9a-f]{64}$/.test(params.sha256)) {
    throw new Response(null, { status: 404 });
  }
  return documentDownload(
    await load(caller.referral.downloadAttachment({ referralId: params.id, sha256: params.sha256 })),
  );
}
