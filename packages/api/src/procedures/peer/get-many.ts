import { listPeers } from '@linju/core';
import { permittedProcedure } from '../../trpc.ts';

/**
 * The peer nodes this deployment has pinned, for the district's settings page. Read-only: pinning
 * checks a peer's keys out of band, an operator's job on the command line (`linju peer pin`).
 * Node-level data, the same for every district; keys are public keys.
 */
export const getMany = permittedProcedure('tenant.settings.manage').query(async ({ ctx }) =>
  (await listPeers(ctx.tx)).map(({ nodeId, name, baseUrl, publicKeys, addedAt }) => ({
    nodeId,
    name,
    baseUrl,
    keyIds: publicKeys.map((key) => key.kid),
    addedAt,
  })),
);
