import { openAttachment } from '@linju/core';
import { publicProcedure } from '../../trpc.ts';
import { documentDownload, filesOf } from '../case/files.ts';
import { withLinkReferral, ZLinkAttachmentRequest } from './link-attachment.ts';

/** No sign-in: a document of the link's referral, as the link page's download route streams it; audited. */
export const downloadAttachment = publicProcedure
  .input(ZLinkAttachmentRequest)
  .query(async ({ ctx, input }) =>
    documentDownload(
      ctx,
      await withLinkReferral(ctx, input.token, (tx, referral, reader) =>
        openAttachment(tx, filesOf(ctx), ctx.fetchFromPeer, referral, input.sha256, reader),
      ),
    ),
  );
