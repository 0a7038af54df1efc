import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  eq,
  failure,
  pluginHarness,
  schema,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;
let n = 0;
const newPhone = () => `137${String(10_000_000 + n++).slice(-8)}`;

/** A slot at station A some days ahead (whole hours), so it is bookable whenever the test runs. */
const slotAt = (daysAhead: number, hour: number, capacity: number) => {
  const start = new Date(Date.now() + daysAhead * 86_400_000);
  start.setUTCHours(hour, 0, 0, 0);
  return admin.notary.createSlot({
    organisationId: district.organisations.stationA,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
    capacity,
  });
};
const messagesOfCase = (caseId: string) =>
  h.asTenant(district.tenantId, (tx) =>
    tx.select().from(schema.outboundMessage).where(eq(schema.outboundMessage.caseId, caseId)),
  );
const auditOf = (bookingId: string) =>
  h.asTenant(district.tenantId, (tx) =>
    tx.select().from(schema.auditEntry).where(eq(schema.auditEntry.objectId, bookingId)),
  );
const onlineNotaryCases = () =>
  h.asTenant(district.tenantId, (tx) =>
    tx.select().from(schema.legalCase).where(eq(schema.legalCase.channel, 'online')),
  );

beforeAll(async () => {
  ({ district, admin } = await h.district('notary-online', { enable: ['notary'] }));
});
afterAll(() => h.close());

describe('booking a notary appointment online (网上预约公证)', () => {
  it('shows anyone the matters and the open slots of the next 14 days, full ones as full', async () => {
    const slot = await slotAt(3, 1, 2);
    const later = await slotAt(20, 1, 2);
    const open = await h.visitor(district).notary.publicSlots({});
    expect(open.matters.map((m) => m.id)).toContain('kinship');
    expect(open.slots.find((s) => s.id === slot.id)).toMatchObject({ capacity: 2, booked: 0, full: false });
    expect(open.slots.map((s) => s.id)).not.toContain(later.id);
  });

  it('takes the matter in as an online notarial case and books the slot for it, for a verified phone only', async () => {
    const slot = await slotAt(4, 2, 2);
    const request = { slotId: slot.id, matterType: 'kinship' as const, applicantName: '周晓梅' };
    expect(await failure(h.visitor(district).notary.bookOnline(request))).toBe(
      'UNAUTHORIZED resident.not_verified',
    );
    const booked = await (await h.resident(district, newPhone())).notary.bookOnline(request);
    const c = await admin.case.get({ caseId: booked.caseId });
    expect(c).toMatchObject({ serviceType: 'notary', channel: 'online', category: 'kinship' });
    const bookings = await admin.notary.getBookings({ caseId: booked.caseId });
    expect(bookings).toMatchObject([{ id: booked.bookingId, slotId: slot.id, cancelledAt: null }]);
  });

  it('under many residents at once for the last place, exactly one gets it and no case is left for the others', async () => {
    const slot = await slotAt(5, 3, 1);
    const before = (await onlineNotaryCases()).length;
    // Five residents with their sessions open, then all booking at once.
    const residents = await Promise.all(Array.from({ length: 5 }, () => h.resident(district, newPhone())));
    const outcomes = await Promise.all(
      residents.map((resident, i) =>
        failure(
          resident.notary.bookOnline({ slotId: slot.id, matterType: 'will', applicantName: `申请人${i}` }),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === 'succeeded')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CONFLICT notary.slot_full')).toHaveLength(4);
    expect((await onlineNotaryCases()).length).toBe(before + 1);
    const open = await h.visitor(district).notary.publicSlots({});
    expect(open.slots.find((s) => s.id === slot.id)).toMatchObject({ booked: 1, full: true });
  });

  it('queues the confirmation SMS with the booking, and shows the resident their coming appointment', async () => {
    const slot = await slotAt(6, 2, 2);
    const resident = await h.resident(district, newPhone());
    const booked = await resident.notary.bookOnline({
      slotId: slot.id,
      matterType: 'will',
      applicantName: '王建国',
    });
    const messages = await messagesOfCase(booked.caseId);
    expect(messages.map((m) => m.templateKey).sort()).toEqual(['appointment-confirmation', 'intake-receipt']);
    const page = await resident.notary.onlineBooking({});
    expect(page.bookings).toMatchObject([{ id: booked.bookingId, number: booked.number }]);
    expect(page.matters.find((m) => m.id === 'will')?.documents.length).toBeGreaterThan(0);
    expect((await h.visitor(district).notary.onlineBooking({})).bookings).toEqual([]);
  });

  it('lets the resident cancel their own appointment: the place is free again, audited and texted', async () => {
    const slot = await slotAt(7, 2, 1);
    const resident = await h.resident(district, newPhone());
    const booked = await resident.notary.bookOnline({
      slotId: slot.id,
      matterType: 'kinship',
      applicantName: '李秀英',
    });
    const full = await h.visitor(district).notary.publicSlots({});
    expect(full.slots.find((s) => s.id === slot.id)).toMatchObject({ booked: 1, full: true });

    await resident.notary.cancelOnline({ bookingId: booked.bookingId });

    const open = await h.visitor(district).notary.publicSlots({});
    expect(open.slots.find((s) => s.id === slot.id)).toMatchObject({ booked: 0, full: false });
    expect((await resident.notary.onlineBooking({})).bookings).toEqual([]);
    const bookings = await admin.notary.getBookings({ caseId: booked.caseId });
    expect(bookings[0]?.cancelledAt).not.toBeNull();
    expect((await auditOf(booked.bookingId)).map((a) => a.action)).toContain('notary.booking.cancelled');
    expect((await messagesOfCase(booked.caseId)).map((m) => m.templateKey)).toContain(
      'appointment-cancelled',
    );
    expect(await failure(resident.notary.cancelOnline({ bookingId: booked.bookingId }))).toBe(
      'NOT_FOUND notary.booking_not_found',
    );
  });

  it('does not let another resident, or a visitor, cancel your appointment', async () => {
    const slot = await slotAt(8, 2, 2);
    const owner = await h.resident(district, newPhone());
    const booked = await owner.notary.bookOnline({
      slotId: slot.id,
      matterType: 'will',
      applicantName: '陈志强',
    });
    const other = await h.resident(district, newPhone());
    expect(await failure(other.notary.cancelOnline({ bookingId: booked.bookingId }))).toBe(
      'NOT_FOUND notary.booking_not_found',
    );
    expect(await failure(h.visitor(district).notary.cancelOnline({ bookingId: booked.bookingId }))).toBe(
      'NOT_FOUND notary.booking_not_found',
    );
    expect(await admin.notary.getBookings({ caseId: booked.caseId })).toMatchObject([{ cancelledAt: null }]);
  });
});
