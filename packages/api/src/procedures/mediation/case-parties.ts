import { type Actor, getCase, type LoadedCase } from '@linju/core';
import type { TenantTx } from '@linju/db';
import { disputeOf, type MediationDispute } from '@linju/plugin-mediation';

/** The parties and the dispute of a mediation case (see the plugin's `disputeOf`). */
export function partiesOf(tx: TenantTx, actor: Actor, c: LoadedCase): Promise<MediationDispute> {
  return disputeOf({ form: c.row.form, description: c.row.description }, async () => {
    const full = await getCase(tx, actor, { caseId: c.row.id });
    return [{ name: full.resident.name, role: 'resident' as const }, ...full.parties];
  });
}
