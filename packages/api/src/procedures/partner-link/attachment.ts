import { attachmentContent } from '@linju/core';
import { publicProcedure } from '../../trpc.ts';
import { filesOf } from '../case/files.ts';
import { withLinkReferral, ZLinkAttachmentRequest } from './link-attachment.ts';

/** No sign-in: a document that came with the link's referral (base64), read in the partner's name. */
export const attachment = publicProcedure
  .input(ZLinkAttachmentRequest)
  .query(({ ctx, input }) =>
    withLinkReferral(ctx, input.token, (tx, referral, reader) =>
      attachmentContent(tx, filesOf(ctx), ctx.fetchFromPeer, referral, input.sha256, reader),
    ),
  );
