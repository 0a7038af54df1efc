import { randomUUID } from 'node:crypto';
import { type SecretBox, scopesFor } from '@linju/auth';
import { and, asc, eq, like, or, schema, sealedColumns, sql, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { isoWeekday } from '../calendar/working-days.ts';
import { loadCase } from '../cases/case-access.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation, isPartnerKind } from '../organisations/organisation-service.ts';
import { maskPhone, ZPhone } from '../personal-data/personal-data.ts';
import { districtToday } from '../providers/provider-records.ts';
import { getStaffMember } from '../staff/staff-service.ts';

const ZDay = z.iso.date({ message: 'validation.date_invalid' });
export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'validation.invalid_format' });

export const ZRegisterVolunteerRequest = z.object({
  /** The unit whose area they serve. */
  organisationId: z.uuid(),
  /** Their account, when they sign in (the `volunteer` role); the name is then taken from it. */
  staffMemberId: z.uuid().nullish(),
  name: z.string().trim().max(50).nullish(),
  phone: ZPhone.nullish(),
  skills: z.array(z.string().trim().min(1).max(30)).min(1, { message: 'volunteer.skills_required' }).max(10),
  availability: z.string().trim().min(2, { message: 'volunteer.availability_required' }).max(200),
  registeredOn: ZDay,
});

export const ZLogHoursRequest = z
  .object({
    volunteerId: z.uuid(),
    servedOn: ZDay,
    /** For a duty slot, its length when left out. */
    minutes: z
      .number()
      .int()
      .min(1, { message: 'volunteer.minutes_invalid' })
      .max(1440, { message: 'volunteer.minutes_invalid' })
      .nullish(),
    dutySlotId: z.uuid().nullish(),
    caseId: z.uuid().nullish(),
    note: z.string().trim().max(500).nullish(),
  })
  .refine((h) => Boolean(h.dutySlotId) !== Boolean(h.caseId), {
    message: 'volunteer.slot_or_case_required',
    path: ['dutySlotId'],
  });

/** The unit of the service network a volunteer serves, which `permission` must cover. */
async function volunteerUnit(
  tx: TenantTx,
  actor: Actor,
  organisationId: string,
  permission: 'volunteer.manage' | 'volunteer.read',
) {
  const unit = await getOrganisation(tx, organisationId);
  if (isPartnerKind(unit.kind))
    throw new DomainError('bad-request', 'volunteer.partner_has_no_volunteers', { field: 'organisationId' });
  requirePermission(actor, permission, unit.path);
  return unit;
}

/** A volunteer as lists show them: the phone only masked. */
const publicVolunteer = (row: typeof schema.volunteer.$inferSelect) => {
  const { phoneEncrypted: _, ...rest } = row;
  return rest;
};

/** 志愿者登记: registers a volunteer of a unit, with skills and availability; the phone is sealed. */
export async function registerVolunteer(
  tx: TenantTx,
  actor: Actor,
  box: SecretBox,
  request: z.input<typeof ZRegisterVolunteerRequest>,
) {
  const input = ZRegisterVolunteerRequest.parse(request);
  const unit = await volunteerUnit(tx, actor, input.organisationId, 'volunteer.manage');
  const account = input.staffMemberId ? await getStaffMember(tx, input.staffMemberId) : null;
  const name = input.name || account?.displayName;
  if (!name) throw new DomainError('bad-request', 'volunteer.name_required', { field: 'name' });
  const [created] = await tx
    .insert(schema.volunteer)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      organisationId: unit.id,
      staffMemberId: account?.id ?? null,
      name,
      phoneEncrypted: input.phone
        ? box.encrypt(input.phone, actor.tenantId, sealedColumns.volunteerPhone)
        : null,
      phoneMasked: input.phone ? maskPhone(input.phone) : null,
      skills: input.skills,
      availability: input.availability,
      registeredOn: input.registeredOn,
    })
    .returning();
  if (!created) throw new Error('volunteer insert returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'volunteer.registered',
    objectType: 'volunteer',
    objectId: created.id,
    after: publicVolunteer(created),
  });
  return publicVolunteer(created);
}

async function loadVolunteer(tx: TenantTx, id: string) {
  const [row] = await tx.select().from(schema.volunteer).where(eq(schema.volunteer.id, id));
  if (!row) throw new DomainError('not-found', 'volunteer.not_found', { field: 'volunteerId' });
  return row;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/**
 * Logs service hours: for a duty slot of the volunteer's unit (or a unit below it) on a day of that
 * slot's weekday — its length unless told otherwise, once per day — or for a case they helped with.
 */
export async function logVolunteerHours(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZLogHoursRequest>,
) {
  const input = ZLogHoursRequest.parse(request);
  const person = await loadVolunteer(tx, input.volunteerId);
  const unit = await volunteerUnit(tx, actor, person.organisationId, 'volunteer.manage');
  if (input.servedOn > (await districtToday(tx, actor.tenantId)))
    throw new DomainError('bad-request', 'volunteer.hours_in_future', { field: 'servedOn' });
  if (input.servedOn < person.registeredOn || (person.leftOn && input.servedOn > person.leftOn))
    throw new DomainError('bad-request', 'volunteer.not_serving_then', { field: 'servedOn' });
  let minutes = input.minutes ?? null;
  let dutySlotLabel: string | null = null;
  if (input.dutySlotId) {
    const [slot] = await tx
      .select({ slot: schema.dutySlot, path: schema.organisation.path })
      .from(schema.dutySlot)
      .innerJoin(schema.organisation, eq(schema.organisation.id, schema.dutySlot.organisationId))
      .where(eq(schema.dutySlot.id, input.dutySlotId));
    if (!slot?.path.startsWith(unit.path))
      throw new DomainError('not-found', 'volunteer.slot_not_found', { field: 'dutySlotId' });
    if (slot.slot.weekday !== isoWeekday(input.servedOn))
      throw new DomainError('bad-request', 'volunteer.slot_not_that_day', { field: 'servedOn' });
    minutes ??= minutesOf(slot.slot.endsAt) - minutesOf(slot.slot.startsAt);
    dutySlotLabel = `${slot.slot.weekday} ${slot.slot.startsAt}-${slot.slot.endsAt} ${slot.slot.serviceType}`;
  }
  if (input.caseId) await loadCase(tx, input.caseId);
  if (minutes === null)
    throw new DomainError('bad-request', 'volunteer.minutes_invalid', { field: 'minutes' });
  const [logged] = await tx
    .insert(schema.volunteerHours)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      volunteerId: person.id,
      servedOn: input.servedOn,
      month: input.servedOn.slice(0, 7),
      minutes,
      dutySlotId: input.dutySlotId ?? null,
      dutySlotLabel,
      caseId: input.caseId ?? null,
      note: input.note || null,
      recordedBy: actor.id,
    })
    .onConflictDoNothing()
    .returning();
  if (!logged) throw new DomainError('conflict', 'volunteer.hours_already_logged', { field: 'dutySlotId' });
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'volunteer.hours_logged',
    objectType: 'volunteer',
    objectId: person.id,
    after: logged,
  });
  return logged;
}

/** Removes hours logged in error (audited with what was removed). */
export async function removeVolunteerHours(tx: TenantTx, actor: Actor, input: { id: string }) {
  const id = z.uuid().parse(input.id);
  const [before] = await tx.select().from(schema.volunteerHours).where(eq(schema.volunteerHours.id, id));
  if (!before) throw new DomainError('not-found', 'volunteer.hours_not_found', { field: 'id' });
  const person = await loadVolunteer(tx, before.volunteerId);
  await volunteerUnit(tx, actor, person.organisationId, 'volunteer.manage');
  await tx.delete(schema.volunteerHours).where(eq(schema.volunteerHours.id, id));
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'volunteer.hours_removed',
    objectType: 'volunteer',
    objectId: person.id,
    before,
  });
  return { removed: true };
}

/** Only the units below the actor's `volunteer.read` grants. */
function readableUnits(actor: Actor) {
  const scopes = scopesFor(actor.grants, 'volunteer.read');
  if (scopes.length === 0)
    throw new DomainError('forbidden', 'auth.forbidden', { params: { permission: 'volunteer.read' } });
  return or(...scopes.map((path) => like(schema.organisation.path, `${path}%`)));
}

/**
 * The volunteers of the actor's units (or of one unit and below), by name, each with their service
 * minutes in `month`.
 */
export async function listVolunteers(
  tx: TenantTx,
  actor: Actor,
  input: { organisationId?: string | null | undefined; month: string },
) {
  const month = ZMonth.parse(input.month);
  const unitPath = input.organisationId
    ? (await volunteerUnit(tx, actor, input.organisationId, 'volunteer.read')).path
    : null;
  const hours = tx
    .select({
      volunteerId: schema.volunteerHours.volunteerId,
      minutes: sql<number>`sum(${schema.volunteerHours.minutes})`.as('minutes'),
      entries: sql<number>`count(*)`.as('entries'),
    })
    .from(schema.volunteerHours)
    .where(eq(schema.volunteerHours.month, month))
    .groupBy(schema.volunteerHours.volunteerId)
    .as('hours');
  const rows = await tx
    .select({
      volunteer: schema.volunteer,
      organisationNameZh: schema.organisation.nameZh,
      organisationNameEn: schema.organisation.nameEn,
      minutes: sql<number>`coalesce(${hours.minutes}, 0)::int`,
      entries: sql<number>`coalesce(${hours.entries}, 0)::int`,
    })
    .from(schema.volunteer)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.volunteer.organisationId))
    .leftJoin(hours, eq(hours.volunteerId, schema.volunteer.id))
    .where(and(readableUnits(actor), unitPath ? like(schema.organisation.path, `${unitPath}%`) : undefined))
    .orderBy(asc(schema.volunteer.name), asc(schema.volunteer.id));
  return rows.map((row) => ({
    ...publicVolunteer(row.volunteer),
    organisationNameZh: row.organisationNameZh,
    organisationNameEn: row.organisationNameEn,
    month,
    minutes: row.minutes,
    entries: row.entries,
  }));
}

/** One volunteer and their hours, newest first, with the total per month. */
export async function getVolunteer(tx: TenantTx, actor: Actor, input: { id: string }) {
  const person = await loadVolunteer(tx, z.uuid().parse(input.id));
  await volunteerUnit(tx, actor, person.organisationId, 'volunteer.read');
  const hours = await tx
    .select()
    .from(schema.volunteerHours)
    .where(eq(schema.volunteerHours.volunteerId, person.id))
    .orderBy(sql`${schema.volunteerHours.servedOn} desc`, asc(schema.volunteerHours.recordedAt))
    .limit(500);
  const byMonth = new Map<string, number>();
  for (const h of hours) byMonth.set(h.month, (byMonth.get(h.month) ?? 0) + h.minutes);
  return {
    volunteer: publicVolunteer(person),
    hours,
    monthlyMinutes: [...byMonth.entries()].map(([month, minutes]) => ({ month, minutes })),
  };
}
