import { getAdminContext } from '../context.ts';
import { idParam, load } from '../lib/route-errors.ts';
import type { Route } from './+types/provider-evidence';

/** A provider record's evidence document, as a download; the API audits each one. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const { caller } = getAdminContext(context);
  idParam(params.id);
  const evidence = await load(caller.provider.getEvidence({ id: params.id }));
  return new Response(Buffer.from(evidence.contentBase64, 'base64'), {
    headers: {
      'Content-Type': evidence.contentType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(evidence.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
