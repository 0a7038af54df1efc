import { grantsAllow } from '@linju/auth';
import { and, asc, eq, inArray, isNull, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, requirePermission } from '../actor.ts';
import { getOrganisation } from '../organisations/organisation-service.ts';
import { districtToday, isRecordActive } from '../providers/provider-records.ts';
import { type LoadedCase, loadCase, requireOnCase } from './case-access.ts';

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
  return caseAssigneesOf(tx, actor, await loadCase(tx, input.caseId));
}

/** `listCaseAssignees` for a case already loaded. */
export async function caseAssigneesOf(tx: TenantTx, actor: Actor, c: LoadedCase) {
  requireOnCase(actor, 'case.manage', c);
  return assigneesAt(tx, actor, c.organisationPath);
}

export const ZUnitAssigneesRequest = z.object({ organisationId: z.uuid() });

/**
 * The same people for a unit rather than one case: whom the assignment queue offers for the cases
 * that unit holds. Only for someone who assigns there (`case.manage` on the unit).
 */
export async function listUnitAssignees(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZUnitAssigneesRequest>,
) {
  const input = ZUnitAssigneesRequest.parse(request);
  const unit = await getOrganisation(tx, input.organisationId);
  requirePermission(actor, 'case.manage', unit.path);
  return assigneesAt(tx, actor, unit.path);
}

/** Active staff who may work matters at the unit of `organisationPath`, with their provider flags. */
async function assigneesAt(tx: TenantTx, actor: Actor, organisationPath: string) {
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
        organisationPath,
      )
    )
      continue;
    const person = byPerson.get(row.id) ?? { id: row.id, displayName: row.displayName, roles: [] };
    if (!person.roles.includes(row.role)) person.roles.push(row.role);
    byPerson.set(row.id, person);
  }
  // Shown beside each name, so whoever assigns sees a misconduct record or a listing before choosing.
  const ids = [...byPerson.keys()];
  const today = await districtToday(tx, actor.tenantId);
  const records =
    ids.length === 0
      ? []
      : await tx
          .select()
          .from(schema.providerRecord)
          .where(inArray(schema.providerRecord.staffMemberId, ids));
  const flags = new Map<string, { misconduct: number; negativeListed: boolean }>();
  for (const record of records) {
    if (!record.staffMemberId || !isRecordActive(record, today)) continue;
    const flag = flags.get(record.staffMemberId) ?? { misconduct: 0, negativeListed: false };
    if (record.kind === 'negative-list') flag.negativeListed = true;
    else flag.misconduct += 1;
    flags.set(record.staffMemberId, flag);
  }
  return [...byPerson.values()].map((person) => ({
    ...person,
    providerRecords: flags.get(person.id) ?? { misconduct: 0, negativeListed: false },
  }));
}
