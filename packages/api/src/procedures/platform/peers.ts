import { peerOverview } from '@linju/core';
import { platformProcedure } from '../../trpc.ts';

/** Every pinned peer with its keys' fingerprints, who pinned it and what it may address here. */
export const getPeers = platformProcedure.query(({ ctx }) => peerOverview(ctx.db));
