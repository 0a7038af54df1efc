import { grantsAllow } from '@linju/auth';
import { and, asc, eq, isNull, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { loadCase, requireOnCase } from './case-access.ts';

export const ZCaseAssigneesRequest = z.object({ caseId: z.uuid() });

/**
 * Who can be assigned a case: active staff whose roles let them work matters (`case.handle`) at the
 * unit holding it. For the people who assign (`case.manage`) — a desk officer cannot read the staff
 * list, yet must pick the mediator; this shows names and roles, never contact details.
 */
export async function listCaseAssignees(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZCaseAssigneesRequest>,
) {
  const input = ZCaseAssigneesRequest.parse(request);
  const c = await loadCase(tx, input.caseId);
  requireOnCase(actor, 'case.manage', c);
  const rows = await tx
    .select({
      id: schema.staffMember.id,
      displayName: schema.staffMember.displayName,
      role: schema.roleGrant.role,
      organisationPath: schema.organisation.path,
    })
    .from(schema.roleGrant)
    .innerJoin(schema.staffMember, eq(schema.staffMember.id, schema.roleGrant.staffMemberId))
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.roleGrant.organisationId))
    .where(and(isNull(schema.staffMember.disabledAt), isNull(schema.organisation.closedAt)))
    .orderBy(asc(schema.staffMember.displayName), asc(schema.roleGrant.role));
  const byPerson = new Map<string, { id: string; displayName: string; roles: schema.Role[] }>();
  for (const row of rows) {
    if (
      !grantsAllow(
        [{ role: row.role, organisationPath: row.organisationPath }],
        'case.handle',
        c.organisationPath,
      )
    )
      continue;
    const person = byPerson.get(row.id) ?? { id: row.id, displayName: row.displayName, roles: [] };
    if (!person.roles.includes(row.role)) person.roles.push(row.role);
    byPerson.set(row.id, person);
  }
  return [...byPerson.values()];
}
