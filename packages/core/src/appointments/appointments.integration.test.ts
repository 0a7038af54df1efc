import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { asc, connect, eq, schema, sealedColumns, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Actor, systemActor } from '../actor.ts';
import { isoWeekday, localDate, nextDay } from '../calendar/working-days.ts';
import { DomainError } from '../errors.ts';
import { getOrganisation } from '../organisations/organisation-service.ts';
import { addDutySlot } from '../rosters/roster-service.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { remindTomorrowsAppointments } from './appointment-reminders.ts';
import {
  appointmentsOfDay,
  appointmentsOfPhone,
  bookAppointment,
  cancelAppointment,
} from './appointment-service.ts';
import { openAppointmentSlots } from './open-appointment-slots.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
// Controlled time: 10:00 in Shanghai on a fixed day; "tomorrow" and the 14 days follow from it.
const now = new Date('2030-03-04T02:00:00Z');
const today = localDate(now);
const tomorrow = nextDay(today);
const names = (serviceId: string) => (serviceId === TEST_SERVICE ? '法律咨询' : serviceId);
let d: TestDistrict;
let headA: Actor;
let resident: Actor;
let roomName: string;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => expect.fail('expected a refusal'),
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw error;
  return error.message;
};
let n = 0;
const newPhone = () => `139${String(10_000_000 + n++).slice(-8)}`;
const slotFor = (day: string, capacity: number, startsAt = '14:00') =>
  inTenant((tx) =>
    addDutySlot(tx, headA, {
      organisationId: d.organisations.roomA,
      weekday: isoWeekday(day),
      startsAt,
      endsAt: `${String(Number(startsAt.slice(0, 2)) + 2).padStart(2, '0')}:00`,
      serviceType: TEST_SERVICE,
      personName: '值班律师 王律师',
      capacity,
    }),
  );
const book = (dutySlotId: string, day: string, phone: string) =>
  inTenant((tx) => bookAppointment(tx, resident, box, { dutySlotId, day, phone, now }, names));
const smsOf = async (templateKey: string) => {
  const rows = await inTenant((tx) =>
    tx
      .select()
      .from(schema.outboundMessage)
      .where(eq(schema.outboundMessage.templateKey, templateKey))
      .orderBy(asc(schema.outboundMessage.createdAt)),
  );
  return rows.map((row) => ({
    to: box.decrypt(row.recipientSealed, row.tenantId, sealedColumns.messageRecipient),
    params: JSON.parse(box.decrypt(row.paramsSealed, row.tenantId, sealedColumns.messageParams)),
  }));
};

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'appointments');
  headA = await actorOf(app.db, d.tenantId, d.people.headA, '所长甲');
  resident = systemActor(d.tenantId, 'public booking');
  roomName = (await inTenant((tx) => getOrganisation(tx, d.organisations.roomA))).nameZh;
});
afterAll(() => app.close());

describe('residents’ appointments on the duty rota (预约)', () => {
  it('offers each rota slot on each day it falls in the next 14 days, with its places', async () => {
    const slot = await slotFor(tomorrow, 2, '08:00');
    const open = await inTenant((tx) =>
      openAppointmentSlots(tx, { tenantId: d.tenantId, organisationId: d.organisations.roomA, now }),
    );
    const days = open.filter((s) => s.dutySlotId === slot.id).map((s) => s.day);
    expect(days).toEqual([tomorrow, nextDay(tomorrow, 7)]);
    expect(open.find((s) => s.dutySlotId === slot.id)).toMatchObject({
      personName: '值班律师 王律师',
      capacity: 2,
      booked: 0,
      full: false,
    });
  });

  it('books a place, queues the confirmation SMS with it, and lists it as the resident’s and the day’s', async () => {
    const slot = await slotFor(tomorrow, 2);
    const phone = newPhone();
    const booked = await book(slot.id, tomorrow, phone);
    expect(booked).toMatchObject({
      day: tomorrow,
      startsAt: '14:00',
      phoneMasked: `${phone.slice(0, 3)}****${phone.slice(-4)}`,
    });
    expect(booked).not.toHaveProperty('phoneEncrypted');
    expect((await smsOf('appointment-confirmation')).find((m) => m.to === phone)?.params).toEqual({
      service: '法律咨询',
      time: `${tomorrow} 14:00-16:00`,
      place: expect.stringContaining(roomName),
    });
    const mine = await inTenant((tx) => appointmentsOfPhone(tx, box, { tenantId: d.tenantId, phone, now }));
    expect(mine.map((a) => a.id)).toEqual([booked.id]);
    const day = await inTenant((tx) =>
      appointmentsOfDay(tx, headA, { organisationId: d.organisations.roomA, day: tomorrow }),
    );
    expect(day.map((a) => a.id)).toContain(booked.id);
    const audit = await inTenant((tx) =>
      tx.select().from(schema.auditEntry).where(eq(schema.auditEntry.objectId, booked.id)),
    );
    expect(audit.map((e) => e.action)).toContain('appointment.booked');
    expect(JSON.stringify(audit)).not.toContain(phone);
  });

  it('refuses a day the slot does not fall on, a day past the 14, and the same phone twice', async () => {
    const slot = await slotFor(tomorrow, 3);
    expect(await refusal(book(slot.id, nextDay(tomorrow), newPhone()))).toBe('publicBooking.day_not_open');
    expect(await refusal(book(slot.id, nextDay(tomorrow, 14), newPhone()))).toBe(
      'publicBooking.day_not_open',
    );
    const phone = newPhone();
    await book(slot.id, tomorrow, phone);
    expect(await refusal(book(slot.id, tomorrow, phone))).toBe('publicBooking.already_booked');
  });

  it('under many bookings at once for the last places, exactly the capacity get in and the rest hear 已约满', async () => {
    const slot = await slotFor(tomorrow, 3, '16:00');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => book(slot.id, tomorrow, newPhone())),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(refused).toHaveLength(7);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(DomainError);
      expect((reason as DomainError).message).toBe('publicBooking.full');
    }
    const open = await inTenant((tx) => openAppointmentSlots(tx, { tenantId: d.tenantId, now }));
    expect(open.find((s) => s.dutySlotId === slot.id && s.day === tomorrow)).toMatchObject({
      booked: 3,
      full: true,
    });
  });

  it('lets the resident cancel with their own phone only, which frees the place and is confirmed by SMS', async () => {
    const slot = await slotFor(tomorrow, 1, '17:00');
    const phone = newPhone();
    const booked = await book(slot.id, tomorrow, phone);
    expect(await refusal(book(slot.id, tomorrow, newPhone()))).toBe('publicBooking.full');
    const cancel = (by: string) =>
      inTenant((tx) => cancelAppointment(tx, resident, box, { id: booked.id, phone: by }, names));
    expect(await refusal(cancel(newPhone()))).toBe('publicBooking.not_found');
    expect((await cancel(phone)).cancelledAt).not.toBeNull();
    expect(await refusal(cancel(phone))).toBe('publicBooking.already_cancelled');
    expect((await smsOf('appointment-cancelled')).map((m) => m.to)).toContain(phone);
    const next = newPhone();
    expect(await book(slot.id, tomorrow, next)).toMatchObject({ day: tomorrow });
  });

  it('reminds each resident the day before, once, and not for a cancelled appointment', async () => {
    const later = nextDay(tomorrow, 7);
    const slot = await slotFor(later, 2, '18:00');
    const [kept, dropped] = [newPhone(), newPhone()];
    await book(slot.id, later, kept);
    const cancelled = await book(slot.id, later, dropped);
    await inTenant((tx) => cancelAppointment(tx, resident, box, { id: cancelled.id, phone: dropped }, names));
    const dayBefore = new Date(now.getTime() + 7 * 24 * 3600 * 1000);
    const first = await inTenant((tx) =>
      remindTomorrowsAppointments(tx, box, { tenantId: d.tenantId, now: dayBefore }, names),
    );
    expect(first).toEqual({ day: later, reminded: 1 });
    const again = await inTenant((tx) =>
      remindTomorrowsAppointments(tx, box, { tenantId: d.tenantId, now: dayBefore }, names),
    );
    expect(again).toEqual({ day: later, reminded: 0 });
    const reminders = await smsOf('appointment-reminder');
    expect(reminders.map((m) => m.to)).toEqual([kept]);
    expect(reminders[0]?.params).toMatchObject({ service: '法律咨询', time: `${later} 18:00-20:00` });
  });
});
