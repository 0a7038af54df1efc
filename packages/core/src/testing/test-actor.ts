import { type Database, withTenant } from '@linju/db';
import type { Actor } from '../actor.ts';
import { grantsOf, roleGrantsOf } from '../staff/staff-service.ts';

/** The actor a staff member is when signed in: their grants as the API would load them. */
export const actorOf = (db: Database, tenantId: string, staffMemberId: string, name = staffMemberId) =>
  withTenant(
    db,
    tenantId,
    async (tx): Promise<Actor> => ({
      id: staffMemberId,
      name,
      tenantId,
      grants: grantsOf(await roleGrantsOf(tx, staffMemberId)),
    }),
  );
