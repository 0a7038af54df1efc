import type { TenantTx } from '@linju/db';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { loadCase, requireOnCase } from './case-access.ts';
import { ZAssignRequest } from './case-schemas.ts';
import { assignCase } from './case-service.ts';

export const ZAssignManyRequest = ZAssignRequest.omit({ caseId: true }).extend({
  /** The cases ticked in the queue: at most a page of them. */
  caseIds: z.array(z.uuid()).min(1).max(50),
});

/**
 * 批量分派: one person for several cases of the unassigned queue, each assigned exactly as one at
 * a time would be (checks, timeline, audit entry, the assignee's notification), in one
 * transaction: all of them or none. A case someone took meanwhile (it has an assignee now) is
 * refused, never silently handed to another. A refusal carries the number of the case it concerns
 * (`params.caseNumber`), unless the case is one the actor may not see.
 */
export async function assignCases(tx: TenantTx, actor: Actor, request: z.input<typeof ZAssignManyRequest>) {
  const { caseIds, ...assignment } = ZAssignManyRequest.parse(request);
  const assigned = [];
  for (const caseId of new Set(caseIds)) {
    try {
      const current = await loadCase(tx, caseId, true);
      requireOnCase(actor, 'case.manage', current);
      if (current.row.assigneeId)
        throw new DomainError('conflict', 'case.assigned_meanwhile', { field: 'caseId' });
      assigned.push(await assignCase(tx, actor, { ...assignment, caseId }));
    } catch (error) {
      if (!(error instanceof DomainError) || error.kind === 'not-found') throw error;
      const { row } = await loadCase(tx, caseId);
      throw new DomainError(error.kind, error.message, {
        ...(error.field ? { field: error.field } : {}),
        params: { ...error.params, caseNumber: row.number },
      });
    }
  }
  return { assigned: assigned.map(({ id, number, assigneeId }) => ({ id, number, assigneeId })) };
}
