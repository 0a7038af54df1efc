import { randomUUID } from 'node:crypto';
import { scopesFor } from '@linju/auth';
import { and, asc, desc, eq, gte, like, lte, or, schema, sql, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requirePermission } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation, isPartnerKind } from '../organisations/organisation-service.ts';
import { getStaffMember } from '../staff/staff-service.ts';

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'roster.time_invalid' });
const ZServiceType = z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, { message: 'case.service_type_invalid' });

export const ZAddDutySlotRequest = z
  .object({
    organisationId: z.uuid(),
    weekday: z
      .number()
      .int()
      .min(1, { message: 'roster.weekday_invalid' })
      .max(7, { message: 'roster.weekday_invalid' }),
    startsAt: ZTime,
    endsAt: ZTime,
    serviceType: ZServiceType,
    staffMemberId: z.uuid().nullish(),
    /** Required when the person has no account; otherwise their display name is used. */
    personName: z.string().trim().max(50).nullish(),
    /** How many residents may book the slot on one day; the table's default when left out. */
    capacity: z
      .number()
      .int()
      .min(1, { message: 'roster.capacity_invalid' })
      .max(50, { message: 'roster.capacity_invalid' })
      .optional(),
  })
  .refine((slot) => slot.endsAt > slot.startsAt, { message: 'roster.hours_invalid', path: ['endsAt'] });

export const ZThemedDayRequest = z.object({
  organisationId: z.uuid(),
  day: z.iso.date({ message: 'validation.date_invalid' }),
  theme: z.string().trim().min(1, { message: 'validation.required' }).max(80),
  serviceType: ZServiceType.nullish(),
});

export const ZCreateAnnouncementRequest = z.object({
  organisationId: z.uuid(),
  title: z.string().trim().min(1, { message: 'validation.required' }).max(80),
  body: z.string().trim().min(1, { message: 'validation.required' }).max(4000),
  /** Publish at once rather than keep it as a draft. */
  publish: z.boolean().default(false),
});

/** A unit of the service network whose roster a manager of it may change. */
async function managedUnit(tx: TenantTx, actor: Actor, organisationId: string) {
  const unit = await getOrganisation(tx, organisationId);
  if (isPartnerKind(unit.kind))
    throw new DomainError('bad-request', 'roster.partner_has_no_roster', { field: 'organisationId' });
  requirePermission(actor, 'organisation.manage', unit.path);
  return unit;
}

/**
 * 轮班值守: adds a fixed weekly duty slot at a unit. The person on duty is a staff member (their
 * name is taken from the account) or, for a lawyer of a partner firm, a name.
 */
export async function addDutySlot(tx: TenantTx, actor: Actor, request: z.input<typeof ZAddDutySlotRequest>) {
  const input = ZAddDutySlotRequest.parse(request);
  const unit = await managedUnit(tx, actor, input.organisationId);
  const person = input.staffMemberId ? await getStaffMember(tx, input.staffMemberId) : null;
  const personName = person?.displayName ?? input.personName;
  if (!personName) throw new DomainError('bad-request', 'roster.person_required', { field: 'personName' });
  const [slot] = await tx
    .insert(schema.dutySlot)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      organisationId: unit.id,
      weekday: input.weekday,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      serviceType: input.serviceType,
      staffMemberId: person?.id ?? null,
      personName,
      ...(input.capacity ? { capacity: input.capacity } : {}),
    })
    .returning();
  if (!slot) throw new Error('duty slot insert returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'roster.slot_added',
    objectType: 'organisation',
    objectId: unit.id,
    after: slot,
  });
  return slot;
}

export async function removeDutySlot(tx: TenantTx, actor: Actor, input: { id: string }) {
  const id = z.uuid().parse(input.id);
  const [before] = await tx.select().from(schema.dutySlot).where(eq(schema.dutySlot.id, id));
  if (!before) throw new DomainError('not-found', 'roster.slot_not_found', { field: 'id' });
  await managedUnit(tx, actor, before.organisationId);
  await tx.delete(schema.dutySlot).where(eq(schema.dutySlot.id, id));
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'roster.slot_removed',
    objectType: 'organisation',
    objectId: before.organisationId,
    before,
  });
  return { removed: true };
}

/** 主题活动日: sets the unit's themed day of that month (one a month; a new one replaces it). */
export async function setThemedDay(tx: TenantTx, actor: Actor, request: z.input<typeof ZThemedDayRequest>) {
  const input = ZThemedDayRequest.parse(request);
  const unit = await managedUnit(tx, actor, input.organisationId);
  const month = input.day.slice(0, 7);
  const [before] = await tx
    .select()
    .from(schema.themedDay)
    .where(and(eq(schema.themedDay.organisationId, unit.id), eq(schema.themedDay.month, month)));
  const values = { day: input.day, theme: input.theme, serviceType: input.serviceType ?? null };
  const [after] = await tx
    .insert(schema.themedDay)
    .values({ tenantId: actor.tenantId, id: randomUUID(), organisationId: unit.id, month, ...values })
    .onConflictDoUpdate({
      target: [schema.themedDay.tenantId, schema.themedDay.organisationId, schema.themedDay.month],
      set: values,
    })
    .returning();
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'roster.themed_day_set',
    objectType: 'organisation',
    objectId: unit.id,
    before: before ?? null,
    after,
  });
  return after;
}

/**
 * The rota of a unit: its weekly slots in weekday and time order, and its themed days from
 * `fromMonth` on (a year ahead), as published to residents.
 */
export async function getRoster(tx: TenantTx, input: { organisationId: string; fromMonth: string }) {
  const organisationId = z.uuid().parse(input.organisationId);
  const fromMonth = z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'validation.invalid_format' })
    .parse(input.fromMonth);
  await getOrganisation(tx, organisationId);
  const [year, month] = fromMonth.split('-').map(Number) as [number, number];
  const toMonth = `${year + 1}-${String(month).padStart(2, '0')}`;
  const [slots, themedDays] = await Promise.all([
    tx
      .select()
      .from(schema.dutySlot)
      .where(eq(schema.dutySlot.organisationId, organisationId))
      .orderBy(asc(schema.dutySlot.weekday), asc(schema.dutySlot.startsAt), asc(schema.dutySlot.personName)),
    tx
      .select()
      .from(schema.themedDay)
      .where(
        and(
          eq(schema.themedDay.organisationId, organisationId),
          gte(schema.themedDay.month, fromMonth),
          lte(schema.themedDay.month, toMonth),
        ),
      )
      .orderBy(asc(schema.themedDay.day)),
  ]);
  return { slots, themedDays };
}

/** 告知机制: an announcement of a unit, kept as a draft or published at once. */
export async function createAnnouncement(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZCreateAnnouncementRequest>,
) {
  const input = ZCreateAnnouncementRequest.parse(request);
  const unit = await managedUnit(tx, actor, input.organisationId);
  const [created] = await tx
    .insert(schema.announcement)
    .values({
      tenantId: actor.tenantId,
      id: randomUUID(),
      organisationId: unit.id,
      title: input.title,
      body: input.body,
      status: input.publish ? 'published' : 'draft',
      createdBy: actor.id,
      publishedAt: input.publish ? new Date() : null,
    })
    .returning();
  if (!created) throw new Error('announcement insert returned no row');
  await appendAudit(tx, {
    ...auditActor(actor),
    action: input.publish ? 'announcement.published' : 'announcement.drafted',
    objectType: 'announcement',
    objectId: created.id,
    after: created,
  });
  return created;
}

/** Publishes a draft; publishing twice is refused rather than moving the date. */
export async function publishAnnouncement(tx: TenantTx, actor: Actor, input: { id: string }) {
  const id = z.uuid().parse(input.id);
  const [before] = await tx.select().from(schema.announcement).where(eq(schema.announcement.id, id));
  if (!before) throw new DomainError('not-found', 'announcement.not_found', { field: 'id' });
  await managedUnit(tx, actor, before.organisationId);
  if (before.status === 'published')
    throw new DomainError('conflict', 'announcement.already_published', { field: 'id' });
  const [after] = await tx
    .update(schema.announcement)
    .set({ status: 'published', publishedAt: new Date() })
    .where(eq(schema.announcement.id, id))
    .returning();
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'announcement.published',
    objectType: 'announcement',
    objectId: id,
    before,
    after,
  });
  return after;
}

/** The cursor of the announcement list: creation time and id of the last one seen. */
const ZAnnouncementCursor = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|[0-9a-f-]{36}$/, { message: 'validation.invalid_format' });

/**
 * The announcements of the district (or of one unit), newest first, a page at a time. Drafts are
 * shown only to those who may manage the unit; everyone else sees what was published.
 */
export async function listAnnouncements(
  tx: TenantTx,
  actor: Actor,
  input: {
    organisationId?: string | null | undefined;
    limit?: number | undefined;
    cursor?: string | null | undefined;
  },
) {
  const limit = Math.min(Math.max(input.limit ?? 20, 1), 100);
  const cursor = input.cursor ? ZAnnouncementCursor.parse(input.cursor).split('|') : null;
  const managed = scopesFor(actor.grants, 'organisation.manage');
  const rows = await tx
    .select({ announcement: schema.announcement })
    .from(schema.announcement)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.announcement.organisationId))
    .where(
      and(
        input.organisationId ? eq(schema.announcement.organisationId, input.organisationId) : undefined,
        cursor
          ? sql`(${schema.announcement.createdAt}, ${schema.announcement.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`
          : undefined,
        or(
          eq(schema.announcement.status, 'published'),
          ...managed.map((path) => like(schema.organisation.path, `${path}%`)),
        ),
      ),
    )
    .orderBy(desc(schema.announcement.createdAt), desc(schema.announcement.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map((row) => row.announcement);
  const last = page.at(-1);
  return {
    announcements: page,
    nextCursor: rows.length > limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null,
  };
}
