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
});
