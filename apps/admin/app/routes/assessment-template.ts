import { getAdminContext } from '../context.ts';
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
  return new Response(Buffer.from(file.contentBase64, 'base64'), {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
