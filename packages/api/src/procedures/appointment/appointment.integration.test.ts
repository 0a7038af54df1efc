import { isoWeekday, localDate } from '@linju/core';
import { TEST_SERVICE } from '@linju/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppCaller, failure, pluginHarness, type TestDistrict } from '../../plugin-harness.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;
// The rota's slots fall on weekdays; tomorrow in Shanghai is always within the 14 days.
const tomorrow = localDate(new Date(Date.now() + 86_400_000));
const weekday = isoWeekday(tomorrow);

beforeAll(async () => {
  ({ district, admin } = await h.district('appointment-api'));
});
afterAll(() => h.close());

describe('the residents’ booking procedures (appointment.*)', () => {
  it('show anyone the open times, book and cancel for a verified phone only, and show staff the day', async () => {
    const slot = await admin.roster.addSlot({
      organisationId: district.organisations.roomA,
      weekday,
      startsAt: '09:00',
      endsAt: '11:00',
      serviceType: TEST_SERVICE,
      personName: '值班律师 王律师',
      capacity: 1,
    });
    const open = await h.visitor(district).appointment.slots({
      organisationId: district.organisations.roomA,
    });
    expect(open.find((s) => s.dutySlotId === slot.id && s.day === tomorrow)).toMatchObject({ full: false });
    const request = { dutySlotId: slot.id, day: tomorrow };
    expect(await failure(h.visitor(district).appointment.book(request))).toBe(
      'UNAUTHORIZED resident.not_verified',
    );
    const resident = await h.resident(district, '13912345678');
    const booked = await resident.appointment.book(request);
    expect(booked).toMatchObject({ day: tomorrow, phoneMasked: '139****5678' });
    expect((await resident.appointment.mine()).map((a) => a.id)).toEqual([booked.id]);
    // Another resident, proved once (a second code within the minute would be refused).
    const neighbour = await h.resident(district, '13912345679');
    expect(await failure(neighbour.appointment.book(request))).toBe('CONFLICT publicBooking.full');
    expect(await failure(neighbour.appointment.cancel({ id: booked.id }))).toBe(
      'NOT_FOUND publicBooking.not_found',
    );
    const day = await admin.appointment.ofDay({
      organisationId: district.organisations.roomA,
      day: tomorrow,
    });
    expect(day).toMatchObject([{ id: booked.id, phoneMasked: '139****5678', cancelledAt: null }]);
    await resident.appointment.cancel({ id: booked.id });
    expect(await neighbour.appointment.book(request)).toMatchObject({
      day: tomorrow,
    });
  });
});
