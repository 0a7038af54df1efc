import { type Database, withTenant } from '@linju/db';
import { auditActor } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { residentSiteActor } from './resident-code.ts';
import { deleteResidentSession } from './resident-session.ts';

/** Ends the resident's session in the district, audited; nothing to do for one already gone. */
export function signOutResident(
  db: Database,
  request: { tenantId: string; requestId?: string },
  sessionId: string,
): Promise<void> {
  return withTenant(db, request.tenantId, async (tx) => {
    if (!(await deleteResidentSession(tx, request.tenantId, sessionId))) return;
    const actor = residentSiteActor(request.tenantId, request.requestId);
    await appendAudit(tx, {
      ...auditActor(actor),
      action: 'resident.signed_out',
      objectType: 'resident_session',
      objectId: sessionId,
    });
  });
}
