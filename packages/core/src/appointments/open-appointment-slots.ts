import { and, asc, eq, gte, inArray, isNull, lte, schema, sql, type TenantTx } from '@linju/db';
import { isoWeekday, nextDay } from '../calendar/working-days.ts';
import { caseSettings, todayIn } from '../cases/case-clock.ts';

/** How far ahead a resident may book: today and the next 13 days. */
export const BOOKING_DAYS = 14;

/** `HH:MM` on the district's clock, to leave out today's slots that have begun. */
const localTime = (now: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    now,
  );

/** The days a resident may book now, in the district's local time, and the time of day it is there. */
export async function bookingWindow(tx: TenantTx, tenantId: string, now = new Date()) {
  const settings = await caseSettings(tx, tenantId);
  const today = todayIn(settings, now);
  const days = Array.from({ length: BOOKING_DAYS }, (_, i) => nextDay(today, i));
  return { today, days, timeNow: localTime(now, settings.timeZone) };
}

export type AppointmentSlot = {
  dutySlotId: string;
  organisationId: string;
  unitNameZh: string;
  unitNameEn: string;
  serviceType: string;
  personName: string;
  day: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  full: boolean;
};

/**
 * The rota's slots a resident may book over the next {@link BOOKING_DAYS} days, each on each day
 * it falls, with how many places are taken: full ones are listed too (shown as full). Open units
 * only; today's slots that have begun are left out.
 */
export async function openAppointmentSlots(
  tx: TenantTx,
  input: {
    tenantId: string;
    organisationId?: string | undefined;
    serviceType?: string | undefined;
    now?: Date;
  },
): Promise<AppointmentSlot[]> {
  const { today, days, timeNow } = await bookingWindow(tx, input.tenantId, input.now);
  const slots = await tx
    .select({
      id: schema.dutySlot.id,
      organisationId: schema.dutySlot.organisationId,
      unitNameZh: schema.organisation.nameZh,
      unitNameEn: schema.organisation.nameEn,
      weekday: schema.dutySlot.weekday,
      startsAt: schema.dutySlot.startsAt,
      endsAt: schema.dutySlot.endsAt,
      serviceType: schema.dutySlot.serviceType,
      personName: schema.dutySlot.personName,
      capacity: schema.dutySlot.capacity,
    })
    .from(schema.dutySlot)
    .innerJoin(schema.organisation, eq(schema.organisation.id, schema.dutySlot.organisationId))
    .where(
      and(
        isNull(schema.organisation.closedAt),
        input.organisationId ? eq(schema.dutySlot.organisationId, input.organisationId) : undefined,
        input.serviceType ? eq(schema.dutySlot.serviceType, input.serviceType) : undefined,
      ),
    )
    .orderBy(asc(schema.dutySlot.startsAt), asc(schema.dutySlot.id));
  if (slots.length === 0) return [];
  const taken = await tx
    .select({
      dutySlotId: schema.appointment.dutySlotId,
      day: schema.appointment.day,
      booked: sql<number>`count(*)::int`,
    })
    .from(schema.appointment)
    .where(
      and(
        inArray(
          schema.appointment.dutySlotId,
          slots.map((s) => s.id),
        ),
        gte(schema.appointment.day, today),
        lte(schema.appointment.day, days[days.length - 1] ?? today),
        isNull(schema.appointment.cancelledAt),
      ),
    )
    .groupBy(schema.appointment.dutySlotId, schema.appointment.day);
  const bookedOn = new Map(taken.map((t) => [`${t.dutySlotId}:${t.day}`, Number(t.booked)]));
  return days.flatMap((day) =>
    slots
      .filter((slot) => slot.weekday === isoWeekday(day) && (day !== today || slot.startsAt > timeNow))
      .map(({ id, weekday: _weekday, ...slot }) => {
        const booked = bookedOn.get(`${id}:${day}`) ?? 0;
        return { dutySlotId: id, ...slot, day, booked, full: booked >= slot.capacity };
      }),
  );
}
