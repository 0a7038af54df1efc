import { randomUUID } from 'node:crypto';
import { inArray, schema, type TenantTx } from '@linju/db';
import { boundedMoment } from '@linju/plugin-sdk';
import { JOINT_CONSULTATION_EVENT } from '@linju/vocabulary';
import { z } from 'zod';
import type { Actor } from '../actor.ts';
import { DomainError } from '../errors.ts';
import { loadCase, recordCaseEvent, requireOnCase } from './case-access.ts';

export const ZJointConsultationRequest = z.object({
  caseId: z.uuid(),
  heldAt: boundedMoment({ back: 731, ahead: 0 }),
  /** The services brought together, e.g. mediation, consultation and legal aid. */
  services: z
    .array(z.string().regex(/^[a-z][a-z0-9-]{1,39}$/))
    .min(2, { message: 'case.consultation_needs_services' })
    .max(10),
  notes: z.string().trim().min(1, { message: 'validation.required' }).max(8000),
  attendees: z
    .array(
      z.union([
        z.object({ staffMemberId: z.uuid(), capacity: z.string().trim().max(100).nullish() }),
        z.object({ name: z.string().trim().min(1).max(100), capacity: z.string().trim().max(100).nullish() }),
      ]),
    )
    .min(1, { message: 'case.consultation_needs_attendees' })
    .max(30),
});

/** 联合咨询: a case conference of several services on one case, with its notes and attendees. */
export async function holdJointConsultation(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZJointConsultationRequest>,
) {
  const input = ZJointConsultationRequest.parse(request);
  const c = await loadCase(tx, input.caseId, true);
  requireOnCase(actor, 'case.handle', c);
  const staffIds = input.attendees.flatMap((a) => ('staffMemberId' in a ? [a.staffMemberId] : []));
  const staff = staffIds.length
    ? await tx
        .select({ id: schema.staffMember.id, name: schema.staffMember.displayName })
        .from(schema.staffMember)
        .where(inArray(schema.staffMember.id, staffIds))
    : [];
  const names = new Map(staff.map((s) => [s.id, s.name]));
  const attendees = input.attendees.map((a, position) => {
    if ('staffMemberId' in a) {
      const name = names.get(a.staffMemberId);
      if (!name)
        throw new DomainError('bad-request', 'staff.not_found', {
          field: `attendees.${position}.staffMemberId`,
        });
      return { position, staffMemberId: a.staffMemberId, name, capacity: a.capacity ?? null };
    }
    return { position, staffMemberId: null, name: a.name, capacity: a.capacity ?? null };
  });
  const id = randomUUID();
  await tx.insert(schema.jointConsultation).values({
    tenantId: actor.tenantId,
    id,
    caseId: c.row.id,
    heldAt: input.heldAt,
    services: input.services,
    notes: input.notes,
    createdBy: actor.id,
  });
  await tx
    .insert(schema.jointConsultationAttendee)
    .values(attendees.map((a) => ({ ...a, tenantId: actor.tenantId, consultationId: id })));
  await recordCaseEvent(tx, actor, c.row, {
    kind: JOINT_CONSULTATION_EVENT,
    action: 'case.joint_consultation_held',
    text: input.notes,
    data: { consultationId: id, services: input.services, attendees: attendees.map((a) => a.name) },
  });
  return {
    id,
    caseId: c.row.id,
    heldAt: input.heldAt,
    services: input.services,
    notes: input.notes,
    attendees,
  };
}
