import { refetchOutcomeDocument, ZRefetchOutcomeDocumentRequest } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';
import { filesOf } from '../case/files.ts';

/**
 * "Fetch again": a document the partner's node returned with its outcome that could not be taken
 * then (refused, or not matching its digest) is fetched once more from that node and becomes a
 * document of the case (audited). The sending side only; see `refetchOutcomeDocument`.
 */
export const fetchOutcomeDocument = permittedProcedure('referral.send')
  .input(ZRefetchOutcomeDocumentRequest)
  .mutation(({ ctx, input }) =>
    refetchOutcomeDocument(
      ctx.tx,
      ctx.actor,
      { files: filesOf(ctx), fetchFromPeer: ctx.fetchFromPeer },
      input,
    ),
  );
