import { randomUUID } from 'node:crypto';
import type { SecretBox } from '@linju/auth';
import { and, asc, desc, eq, gte, isNull, schema, sealedColumns, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { isoWeekday } from '../calendar/working-days.ts';
import { DomainError } from '../errors.ts';
import { enqueueMessage } from '../messages/enqueue-message.ts';
import { getOrganisation } from '../organisations/organisation-service.ts';
import { maskPhone, seal } from '../personal-data/personal-data.ts';
import { bookingWindow } from './open-appointment-slots.ts';

export const ZBookAppointmentRequest = z.object({
  dutySlotId: z.uuid({ message: 'publicBooking.slot_not_found' }),
  day: z.iso.date({ message: 'validation.date_invalid' }),
});

export const ZCancelAppointmentRequest = z.object({ id: z.uuid({ message: 'publicBooking.not_found' }) });

/** The Chinese name of a service by its id (the caller's installed services: core keeps no list). */
export type ServiceNames = (serviceId: string) => string;

type AppointmentRow = typeof schema.appointment.$inferSelect;

/** An appointment as its resident and staff see it: the phone masked, never opened. */
const shown = ({ phoneEncrypted: _e, phoneIndex: _i, ...row }: AppointmentRow) => row;
export type Appointment = ReturnType<typeof shown>;

/** The SMS parameters of an appointment: what, when, where (the unit's name and address). */
async function messageParams(tx: TenantTx, row: AppointmentRow, names: ServiceNames) {
  const unit = await getOrganisation(tx, row.organisationId);
  return {
    service: names(row.serviceType),
    time: `${row.day} ${row.startsAt}-${row.endsAt}`,
    place: unit.address ? `${unit.nameZh}（${unit.address}）` : unit.nameZh,
  };
}

/** Queues one of the appointment's SMS (confirmation, reminder, cancellation) to its resident. */
export async function textAppointment(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  row: AppointmentRow,
  phone: string,
  templateKey: 'appointment-confirmation' | 'appointment-reminder' | 'appointment-cancelled',
  names: ServiceNames,
) {
  return enqueueMessage(tx, actor, box, {
    channel: 'sms',
    templateKey,
    recipient: phone,
    params: await messageParams(tx, row, names),
  });
}

/** The blind index the resident's phone is found by (same key, same index as at booking). */
const phoneIndexOf = (box: SecretBox, tenantId: string, phone: string) => box.blindIndex(phone, tenantId);

/**
 * 预约: books the duty slot `dutySlotId` on `day` for the resident whose phone was proven. The
 * slot's row is locked first, so residents taking the last place at once are served one after the
 * other: exactly `capacity` get in, the others hear 已约满. The confirmation SMS is queued with it.
 */
export async function bookAppointment(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  request: z.input<typeof ZBookAppointmentRequest> & { phone: string; now?: Date },
  names: ServiceNames,
): Promise<Appointment> {
  const input = ZBookAppointmentRequest.parse(request);
  const [slot] = await tx
    .select()
    .from(schema.dutySlot)
    .where(eq(schema.dutySlot.id, input.dutySlotId))
    .for('update');
  if (!slot) throw new DomainError('not-found', 'publicBooking.slot_not_found', { field: 'dutySlotId' });
  const unit = await getOrganisation(tx, slot.organisationId);
  const { today, days, timeNow } = await bookingWindow(tx, actor.tenantId, request.now);
  const open =
    unit.closedAt === null &&
    days.includes(input.day) &&
    isoWeekday(input.day) === slot.weekday &&
    (input.day !== today || slot.startsAt > timeNow);
  if (!open) throw new DomainError('bad-request', 'publicBooking.day_not_open', { field: 'day' });
  const phoneIndex = phoneIndexOf(box, actor.tenantId, request.phone);
  const live = await tx
    .select({ phoneIndex: schema.appointment.phoneIndex })
    .from(schema.appointment)
    .where(
      and(
        eq(schema.appointment.dutySlotId, slot.id),
        eq(schema.appointment.day, input.day),
        isNull(schema.appointment.cancelledAt),
      ),
    );
  if (live.some((a) => a.phoneIndex === phoneIndex))
    throw new DomainError('conflict', 'publicBooking.already_booked', { field: 'dutySlotId' });
  if (live.length >= slot.capacity)
    throw new DomainError('conflict', 'publicBooking.full', { field: 'dutySlotId' });
  const phone = seal(box, request.phone, actor.tenantId, sealedColumns.appointmentPhone);
  const [row] = await tx
    .insert(schema.appointment)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      dutySlotId: slot.id,
      organisationId: slot.organisationId,
      day: input.day,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      serviceType: slot.serviceType,
      personName: slot.personName,
      phoneEncrypted: phone.encrypted,
      phoneIndex: phone.index,
      phoneMasked: maskPhone(request.phone),
    })
    .returning();
  if (!row) throw new Error('appointment insert returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'appointment.booked',
    objectType: 'appointment',
    objectId: row.id,
    after: shown(row),
  });
  await textAppointment(tx, actor, box, row, request.phone, 'appointment-confirmation', names);
  return shown(row);
}

/**
 * The resident cancels one of their own appointments (found by their proven phone, so nobody
 * cancels another's): its place is free again, and the cancellation is confirmed by SMS.
 */
export async function cancelAppointment(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  request: z.input<typeof ZCancelAppointmentRequest> & { phone: string },
  names: ServiceNames,
): Promise<Appointment> {
  const { id } = ZCancelAppointmentRequest.parse(request);
  const [before] = await tx
    .select()
    .from(schema.appointment)
    .where(
      and(
        eq(schema.appointment.id, id),
        eq(schema.appointment.phoneIndex, phoneIndexOf(box, actor.tenantId, request.phone)),
      ),
    )
    .for('update');
  if (!before) throw new DomainError('not-found', 'publicBooking.not_found', { field: 'id' });
  if (before.cancelledAt)
    throw new DomainError('conflict', 'publicBooking.already_cancelled', { field: 'id' });
  const [after] = await tx
    .update(schema.appointment)
    .set({ cancelledAt: new Date() })
    .where(eq(schema.appointment.id, id))
    .returning();
  if (!after) throw new Error('appointment update returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'appointment.cancelled',
    objectType: 'appointment',
    objectId: id,
    before: shown(before),
    after: shown(after),
  });
  await textAppointment(tx, actor, box, after, request.phone, 'appointment-cancelled', names);
  return shown(after);
}

/** "My appointments": the resident's from today on, soonest first, cancelled ones included. */
export async function appointmentsOfPhone(
  tx: TenantTx,
  box: SecretBox,
  input: { tenantId: string; phone: string; now?: Date },
): Promise<Appointment[]> {
  const { today } = await bookingWindow(tx, input.tenantId, input.now);
  const rows = await tx
    .select()
    .from(schema.appointment)
    .where(
      and(
        eq(schema.appointment.phoneIndex, phoneIndexOf(box, input.tenantId, input.phone)),
        gte(schema.appointment.day, today),
      ),
    )
    .orderBy(
      asc(schema.appointment.day),
      asc(schema.appointment.startsAt),
      desc(schema.appointment.createdAt),
    );
  return rows.map(shown);
}

/** The day's appointments at a unit, for the staff who work there (phones masked). */
export async function appointmentsOfDay(
  tx: TenantTx,
  actor: Actor,
  input: { organisationId: string; day: string },
): Promise<Appointment[]> {
  const unit = await getOrganisation(tx, z.uuid().parse(input.organisationId));
  requirePermission(actor, 'organisation.read', unit.path);
  const rows = await tx
    .select()
    .from(schema.appointment)
    .where(and(eq(schema.appointment.organisationId, unit.id), eq(schema.appointment.day, input.day)))
    .orderBy(asc(schema.appointment.startsAt), asc(schema.appointment.createdAt));
  return rows.map(shown);
}
