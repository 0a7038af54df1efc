import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, isNull, lte, or, schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation, subtreeOf } from '../organisations/organisation-service.ts';
import { getStaffMember } from '../staff/staff-service.ts';
import { ZName } from '../tenants/tenant-schemas.ts';

const ZDate = z.iso.date({ message: 'validation.date_invalid' });

export const ZContractAdviserRequest = z
  .object({
    organisationId: z.uuid(),
    lawFirm: ZName,
    lawyerName: ZName,
    lawyerStaffMemberId: z.uuid().nullish(),
    startsOn: ZDate,
    endsOn: ZDate,
  })
  .refine((r) => r.endsOn > r.startsOn, { message: 'adviser.term_invalid', path: ['endsOn'] });
export type ContractAdviserRequest = z.input<typeof ZContractAdviserRequest>;

export type CommunityAdviser = typeof schema.communityAdviser.$inferSelect;

/**
 * Contracts a lawyer to a community room (一居一法律顾问). One adviser per room at a time: a term
 * overlapping a current contract is refused.
 */
export async function contractAdviser(tx: TenantTx, actor: Actor, request: ContractAdviserRequest) {
  const input = ZContractAdviserRequest.parse(request);
  const room = await getOrganisation(tx, input.organisationId);
  if (room.kind !== 'room' && room.kind !== 'service-point') {
    throw new DomainError('bad-request', 'adviser.room_required', { field: 'organisationId' });
  }
  requirePermission(actor, 'adviser.manage', room.path);
  if (input.lawyerStaffMemberId) await getStaffMember(tx, input.lawyerStaffMemberId);
  const overlapping = await tx
    .select({ id: schema.communityAdviser.id })
    .from(schema.communityAdviser)
    .where(
      and(
        eq(schema.communityAdviser.organisationId, room.id),
        lte(schema.communityAdviser.startsOn, input.endsOn),
        or(
          and(
            isNull(schema.communityAdviser.endedEarlyOn),
            gte(schema.communityAdviser.endsOn, input.startsOn),
          ),
          gte(schema.communityAdviser.endedEarlyOn, input.startsOn),
        ),
      ),
    );
  if (overlapping.length > 0)
    throw new DomainError('conflict', 'adviser.term_overlaps', { field: 'startsOn' });
  const [created] = await tx
    .insert(schema.communityAdviser)
    .values({
      ...input,
      lawyerStaffMemberId: input.lawyerStaffMemberId ?? null,
      tenantId: actor.tenantId,
      id: randomUUID(),
    })
    .returning();
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'adviser.contracted',
    objectType: 'community_adviser',
    objectId: created?.id ?? '',
    after: created,
  });
  return created as CommunityAdviser;
}

/** Advisers of the rooms the actor can see, current and past. */
export async function listAdvisers(tx: TenantTx, actor: Actor) {
  const rows = await tx
    .select({ adviser: schema.communityAdviser, path: schema.organisation.path })
    .from(schema.communityAdviser)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.communityAdviser.organisationId))
    .orderBy(asc(schema.communityAdviser.startsOn));
  const scopes = actor.grants.map((g) => g.organisationPath);
  return rows.filter((r) => scopes.some((s) => r.path.startsWith(s))).map((r) => r.adviser);
}

/** Ends a contract before its term (the record stays, with the date it ended). */
export async function endAdviserContract(tx: TenantTx, actor: Actor, input: { id: string; endedOn: string }) {
  const endedOn = ZDate.parse(input.endedOn);
  const [before] = await tx
    .select()
    .from(schema.communityAdviser)
    .where(eq(schema.communityAdviser.id, input.id));
  if (!before) throw new DomainError('not-found', 'adviser.not_found', { field: 'id' });
  requirePermission(actor, 'adviser.manage', (await getOrganisation(tx, before.organisationId)).path);
  if (endedOn < before.startsOn || endedOn > before.endsOn)
    throw new DomainError('bad-request', 'adviser.end_outside_term', { field: 'endedOn' });
  const [after] = await tx
    .update(schema.communityAdviser)
    .set({ endedEarlyOn: endedOn })
    .where(eq(schema.communityAdviser.id, input.id))
    .returning();
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'adviser.ended',
    objectType: 'community_adviser',
    objectId: input.id,
    before,
    after,
  });
  return after as CommunityAdviser;
}

/**
 * The advisers under contract on `today` in the rooms of a subtree (`path`) that the actor can see,
 * in roster order: a consultation desk's "on duty" list. A contract ended early is over the day after.
 */
export async function currentAdvisersUnder(tx: TenantTx, actor: Actor, path: string, today: string) {
  const visible = await listAdvisers(tx, actor);
  const under = new Set((await subtreeOf(tx, path)).map((o) => o.id));
  return visible.filter(
    (a) => under.has(a.organisationId) && a.startsOn <= today && today <= (a.endedEarlyOn ?? a.endsOn),
  );
}
