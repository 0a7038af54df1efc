import { type PluginDb, PluginRuleError, sql } from '@linju/plugin-sdk';
import { z } from 'zod';

import { GREEN_CHANNEL_GROUPS, type GreenChannelGroup } from './green-channel.ts';

/** An appointment slot a notary office offers. */
export const ZDefineSlotRequest = z
  .object({
    /** The notary office (a unit of the tree), where the permission to offer slots is checked. */
    organisationId: z.uuid(),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    /** How many appointments the office's notaries can take in the slot. */
    capacity: z.int().min(1).max(50),
  })
  .refine((slot) => slot.endsAt > slot.startsAt, {
    path: ['endsAt'],
    message: 'notary.slot_ends_before_start',
  });

export const ZBookSlotRequest = z.object({
  slotId: z.uuid(),
  caseId: z.uuid(),
  /** Expedited service (加急): the office promises the matter sooner. */
  expedited: z.boolean().optional(),
  greenChannel: z.enum(GREEN_CHANNEL_GROUPS).optional(),
  /** Set for a home visit (上门服务), which only the green channel offers (checked by `bookSlot`). */
  homeVisitAddress: z.string().trim().min(4).max(200).optional(),
});

export const ZCancelBookingRequest = z.object({
  caseId: z.uuid(),
  bookingId: z.uuid(),
  reason: z.string().trim().min(2).max(500),
});

export type Slot = {
  id: string;
  officeId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  withdrawn: boolean;
};

export type Booking = {
  id: string;
  slotId: string;
  caseId: string;
  expedited: boolean;
  greenChannel: GreenChannelGroup | null;
  homeVisitAddress: string | null;
  bookedBy: string;
  cancelledAt: string | null;
};

type SlotRow = {
  id: string;
  office_id: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  booked: number;
  withdrawn: boolean;
};
type BookingRow = {
  id: string;
  slot_id: string;
  case_id: string;
  expedited: boolean;
  green_channel: GreenChannelGroup | null;
  home_visit_address: string | null;
  booked_by: string;
  cancelled_at: string | null;
};

const toSlot = (row: SlotRow): Slot => ({
  id: row.id,
  officeId: row.office_id,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  capacity: row.capacity,
  booked: Number(row.booked),
  withdrawn: row.withdrawn,
});
const toBooking = (row: BookingRow): Booking => ({
  id: row.id,
  slotId: row.slot_id,
  caseId: row.case_id,
  expedited: row.expedited,
  greenChannel: row.green_channel,
  homeVisitAddress: row.home_visit_address,
  bookedBy: row.booked_by,
  cancelledAt: row.cancelled_at,
});

/** The PostgreSQL error code of a failed statement (drizzle wraps the driver's error). */
const pgCode = (error: unknown): string | undefined => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
};

// Timestamps as ISO 8601 strings (to_json), whatever the driver does with timestamptz.
const SLOT_COLUMNS = sql`s.id, s.office_id, to_json(s.starts_at) #>> '{}' as starts_at,
  to_json(s.ends_at) #>> '{}' as ends_at, s.capacity, s.withdrawn_at is not null as withdrawn,
  (select count(*) from notary_booking b where b.slot_id = s.id and b.cancelled_at is null)::int as booked`;
const BOOKING = sql`id, slot_id, case_id, expedited, green_channel, home_visit_address, booked_by,
  to_json(cancelled_at) #>> '{}' as cancelled_at`;

/** Offers a slot at an office; the caller has checked the office and the staff member's right. */
export async function defineSlot(db: PluginDb, request: z.input<typeof ZDefineSlotRequest>): Promise<Slot> {
  const slot = ZDefineSlotRequest.parse(request);
  let id: string;
  try {
    const [row] = await db.query<{ id: string }>(sql`
      insert into notary_booking_slot (tenant_id, office_id, starts_at, ends_at, capacity)
      values (${db.tenantId}, ${slot.organisationId}, ${slot.startsAt.toISOString()}, ${slot.endsAt.toISOString()}, ${slot.capacity})
      returning id`);
    id = row?.id ?? '';
  } catch (error) {
    if (pgCode(error) === '23505')
      throw new PluginRuleError('conflict', 'notary.slot_taken', { field: 'startsAt' });
    throw error;
  }
  const created = await getSlot(db, id);
  await db.audit({
    action: 'notary.slot.defined',
    objectType: 'notary_booking_slot',
    objectId: id,
    after: created,
  });
  return created;
}

/** A slot with its places taken, or `notary.slot_not_found`. */
export async function getSlot(db: PluginDb, id: string): Promise<Slot> {
  const [row] = await db.query<SlotRow>(
    sql`select ${SLOT_COLUMNS} from notary_booking_slot s where s.id = ${id}`,
  );
  if (!row) throw new PluginRuleError('not-found', 'notary.slot_not_found', { field: 'slotId' });
  return toSlot(row);
}

/** The slots of an office between two moments, with how many live bookings each holds. */
export async function listSlots(
  db: PluginDb,
  query: { organisationId: string; from: Date; to: Date },
): Promise<Slot[]> {
  const rows = await db.query<SlotRow>(sql`
    select ${SLOT_COLUMNS} from notary_booking_slot s
    where s.office_id = ${query.organisationId} and s.starts_at >= ${query.from.toISOString()}
      and s.starts_at < ${query.to.toISOString()}
    order by s.starts_at`);
  return rows.map(toSlot);
}

/** How far ahead residents may book online (today and the next 13 days). */
export const ONLINE_BOOKING_DAYS = 14;

/**
 * The slots residents may book online: every office's, not withdrawn, starting within the next
 * {@link ONLINE_BOOKING_DAYS} days; full ones too, so the page can say 已约满.
 */
export async function slotsAhead(db: PluginDb, now = new Date()): Promise<Slot[]> {
  const to = new Date(now.getTime() + ONLINE_BOOKING_DAYS * 86_400_000);
  const rows = await db.query<SlotRow>(sql`
    select ${SLOT_COLUMNS} from notary_booking_slot s
    where s.withdrawn_at is null and s.starts_at > ${now.toISOString()} and s.starts_at < ${to.toISOString()}
    order by s.starts_at, s.office_id`);
  return rows.map(toSlot);
}

/** The office of a slot residents may book, or `notary.slot_not_found`. */
export async function officeOfSlot(db: PluginDb, slotId: string): Promise<string> {
  const [row] = await db.query<{ office_id: string }>(
    sql`select office_id from notary_booking_slot where id = ${slotId} and withdrawn_at is null`,
  );
  if (!row) throw new PluginRuleError('not-found', 'notary.slot_not_found', { field: 'slotId' });
  return row.office_id;
}

/**
 * Books a slot for a case. The slot row is locked first, so two desks booking the last place at
 * once are served one after the other: the second finds the slot full. A case holds one live
 * appointment at a time (a unique index backs this when two slots are booked for it at once).
 * The booking is recorded on the case's timeline by the caller ({@link bookingNote}), whose entry
 * is also the audit entry.
 */
export async function bookSlot(
  db: PluginDb,
  request: z.input<typeof ZBookSlotRequest>,
  bookedBy: string,
): Promise<Booking> {
  const booking = ZBookSlotRequest.parse(request);
  // Checked here rather than in the schema: the green channel may come from the case's intake form.
  if (booking.homeVisitAddress && !booking.greenChannel) {
    throw new PluginRuleError('bad-request', 'notary.home_visit_needs_green_channel', {
      field: 'homeVisitAddress',
    });
  }
  const [slot] = await db.query<{ capacity: number; withdrawn: boolean; past: boolean }>(sql`
    select capacity, withdrawn_at is not null as withdrawn, starts_at <= now() as past
    from notary_booking_slot where id = ${booking.slotId} for update`);
  if (!slot) throw new PluginRuleError('not-found', 'notary.slot_not_found', { field: 'slotId' });
  if (slot.withdrawn) throw new PluginRuleError('conflict', 'notary.slot_withdrawn', { field: 'slotId' });
  if (slot.past) throw new PluginRuleError('bad-request', 'notary.slot_past', { field: 'slotId' });
  const [taken] = await db.query<{ booked: number; this_case: number }>(sql`
    select count(*) filter (where slot_id = ${booking.slotId})::int as booked,
           count(*) filter (where case_id = ${booking.caseId})::int as this_case
    from notary_booking where cancelled_at is null and (slot_id = ${booking.slotId} or case_id = ${booking.caseId})`);
  if ((taken?.this_case ?? 0) > 0) {
    throw new PluginRuleError('conflict', 'notary.case_already_booked', { field: 'caseId' });
  }
  if ((taken?.booked ?? 0) >= slot.capacity) {
    throw new PluginRuleError('conflict', 'notary.slot_full', { field: 'slotId' });
  }
  let row: BookingRow | undefined;
  try {
    [row] = await db.query<BookingRow>(sql`
      insert into notary_booking (tenant_id, slot_id, case_id, expedited, green_channel, home_visit_address, booked_by)
      values (${db.tenantId}, ${booking.slotId}, ${booking.caseId}, ${booking.expedited ?? false},
              ${booking.greenChannel ?? null}, ${booking.homeVisitAddress ?? null}, ${bookedBy})
      returning ${BOOKING}`);
  } catch (error) {
    if (pgCode(error) === '23505') {
      throw new PluginRuleError('conflict', 'notary.case_already_booked', { field: 'caseId' });
    }
    throw error;
  }
  if (!row) throw new Error('insert into notary_booking returned no row');
  return toBooking(row);
}

/** Cancels a live booking of the case, freeing its place in the slot; the caller notes it on the timeline. */
export async function cancelBooking(
  db: PluginDb,
  request: z.input<typeof ZCancelBookingRequest>,
): Promise<Booking> {
  const { caseId, bookingId, reason } = ZCancelBookingRequest.parse(request);
  const [row] = await db.query<BookingRow>(sql`
    update notary_booking set cancelled_at = now(), cancel_reason = ${reason}
    where id = ${bookingId} and case_id = ${caseId} and cancelled_at is null
    returning ${BOOKING}`);
  if (!row) {
    const [existing] = await db.query(
      sql`select 1 from notary_booking where id = ${bookingId} and case_id = ${caseId}`,
    );
    throw existing
      ? new PluginRuleError('conflict', 'notary.booking_already_cancelled', { field: 'bookingId' })
      : new PluginRuleError('not-found', 'notary.booking_not_found', { field: 'bookingId' });
  }
  return toBooking(row);
}

/** The bookings of a case, live and cancelled, newest first. */
export async function bookingsOfCase(db: PluginDb, caseId: string): Promise<Booking[]> {
  const rows = await db.query<BookingRow>(
    sql`select ${BOOKING} from notary_booking where case_id = ${caseId} order by booked_at desc`,
  );
  return rows.map(toBooking);
}

/** A live booking with its slot's time and office, as the resident's list shows it. */
export type BookingWithSlot = Pick<Booking, 'id' | 'caseId'> & Pick<Slot, 'officeId' | 'startsAt' | 'endsAt'>;

/** The live bookings of these cases that have not begun, soonest first. */
export async function comingBookingsOfCases(
  db: PluginDb,
  caseIds: readonly string[],
): Promise<BookingWithSlot[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.query<{
    id: string;
    case_id: string;
    office_id: string;
    starts_at: string;
    ends_at: string;
  }>(sql`
    select b.id, b.case_id, s.office_id, to_json(s.starts_at) #>> '{}' as starts_at,
      to_json(s.ends_at) #>> '{}' as ends_at
    from notary_booking b join notary_booking_slot s on s.id = b.slot_id
    where b.cancelled_at is null and s.starts_at > now()
      and b.case_id = any(${[...caseIds]}::uuid[])
    order by s.starts_at`);
  return rows.map((row) => ({
    id: row.id,
    caseId: row.case_id,
    officeId: row.office_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
  }));
}

const GREEN_CHANNEL_NAMES: Record<GreenChannelGroup, string> = {
  elderly: '老年人',
  sick: '患病',
  disabled: '残疾人',
};

/**
 * The note a booking leaves on the case's timeline. The text is the record as the office keeps it,
 * in Chinese (like the staff's own notes); `data` carries the same facts for any language.
 */
export function bookingNote(booking: Booking & { startsAt?: string }): {
  text: string;
  data: Record<string, unknown>;
} {
  const flags = [
    booking.expedited ? '加急' : null,
    booking.greenChannel ? `绿色通道（${GREEN_CHANNEL_NAMES[booking.greenChannel]}）` : null,
    booking.homeVisitAddress ? `上门服务：${booking.homeVisitAddress}` : null,
  ].filter(Boolean);
  return {
    text: `公证预约已登记${flags.length > 0 ? `：${flags.join('，')}` : ''}`,
    data: {
      event: 'booking-created',
      bookingId: booking.id,
      slotId: booking.slotId,
      expedited: booking.expedited,
      greenChannel: booking.greenChannel,
      homeVisit: booking.homeVisitAddress !== null,
    },
  };
}

/**
 * The booking request with the case's own intake answers filled in where the desk left them out:
 * an expedited matter books expedited, a green-channel applicant keeps the green channel.
 */
export function withIntakeFlags(
  request: z.input<typeof ZBookSlotRequest>,
  intake: { expedited?: boolean; greenChannel?: boolean; greenChannelReason?: GreenChannelGroup | undefined },
): z.input<typeof ZBookSlotRequest> {
  return {
    ...request,
    expedited: request.expedited ?? intake.expedited ?? false,
    ...(request.greenChannel === undefined && intake.greenChannel && intake.greenChannelReason
      ? { greenChannel: intake.greenChannelReason }
      : {}),
  };
}
