import { getOrganisation, subtreeOf } from '@linju/core';
import type { TenantTx } from '@linju/db';

/** The open units of a subtree, and those of them that are service points holding themed days. */
export async function unitsUnder(tx: TenantTx, organisationId: string) {
  const root = await getOrganisation(tx, organisationId);
  const units = (await subtreeOf(tx, root.path)).filter((o) => !o.closedAt);
  return {
    ids: units.map((o) => o.id),
    // Stations, rooms and service points each hold a monthly themed day; the centre has its own programme.
    servicePoints: units
      .filter((o) => ['station', 'room', 'service-point'].includes(o.kind))
      .map((o) => o.id),
  };
}
