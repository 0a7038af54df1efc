import { previewPeer, ZPeerLocation } from '@linju/core';
import { platformProcedure } from '../../trpc.ts';

/**
 * Fetches a peer's `/.well-known/linju-node` for the operator to check before pinning (node,
 * name, key fingerprints). A mutation: it makes a request out of this node; it stores nothing.
 */
export const previewPeerProcedure = platformProcedure
  .input(ZPeerLocation)
  .mutation(({ input }) => previewPeer(input));
