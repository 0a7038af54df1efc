import { randomUUID } from 'node:crypto';
import { sql } from '@linju/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  failure,
  pluginHarness,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;
let deskB: AppCaller;

/** A slot at station A some days ahead, so it is bookable whenever the test runs. */
const slotTimes = (daysAhead: number, hour = 9) => {
  const start = new Date(Date.now() + daysAhead * 86_400_000);
  start.setUTCHours(hour, 0, 0, 0);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3_600_000).toISOString() };
};

const notaryCase = async (applicantName: string, serviceType = 'notary') =>
  admin.case.create({
    channel: 'walk-in',
    resident: {
      name: applicantName,
      phone: `139${Math.floor(Math.random() * 1e8)
        .toString()
        .padStart(8, '0')}`,
    },
    serviceType,
    category: serviceType === 'notary' ? 'kinship' : 'neighbours',
    description: `${applicantName}申请办理亲属关系公证`,
    organisationId: district.organisations.stationA,
    form:
      serviceType === 'notary'
        ? { matterType: 'kinship', applicantName }
        : {
            summary: '楼上漏水导致楼下天花板受损，双方协商未果',
            parties: [
              { name: applicantName, role: 'applicant' },
              { name: '刘海燕', role: 'respondent' },
            ],
          },
  });

beforeAll(async () => {
  ({ district, admin } = await h.district('notary', { enable: ['notary', 'mediation'] }));
  deskB = await h.staff(district, 'desk-b');
});
afterAll(() => h.close());

describe('notary appointment booking', () => {
  it('offers slots per office and counts their bookings', async () => {
    const slot = await admin.notary.createSlot({
      organisationId: district.organisations.stationA,
      ...slotTimes(10),
      capacity: 2,
    });
    expect(slot).toMatchObject({ officeId: district.organisations.stationA, capacity: 2, booked: 0 });
    const from = new Date(Date.now() + 9 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 11 * 86_400_000).toISOString();
    const slots = await admin.notary.getSlots({ organisationId: district.organisations.stationA, from, to });
    expect(slots.map((s) => s.id)).toContain(slot.id);
    // One office, one slot per starting time.
    expect(
      await failure(
        admin.notary.createSlot({
          organisationId: district.organisations.stationA,
          ...slotTimes(10),
          capacity: 1,
        }),
      ),
    ).toBe('CONFLICT notary.slot_taken');
    // A desk officer of station B manages nothing at station A.
    expect(
      await failure(
        deskB.notary.createSlot({
          organisationId: district.organisations.stationA,
          ...slotTimes(12),
          capacity: 1,
        }),
      ),
    ).toBe('FORBIDDEN auth.forbidden');
  });

  it('opens a station’s appointment book to its own staff, never another station’s', async () => {
    const stationA = await admin.notary.createSlot({
      organisationId: district.organisations.stationA,
      ...slotTimes(14, 10),
      capacity: 1,
    });
    const own = await deskB.notary.createSlot({
      organisationId: district.organisations.stationB,
      ...slotTimes(14, 10),
      capacity: 3,
    });
    const page = await deskB.notary.slotsPage({ office: district.organisations.stationB });
    expect(page.officeId).toBe(district.organisations.stationB);
    expect(page.slots.map((s) => s.id)).toEqual([own.id]);
    // Station A's book, asked for by name, is not the station B officer's to open.
    const other = await deskB.notary.slotsPage({ office: district.organisations.stationA });
    expect(other.officeId).not.toBe(district.organisations.stationA);
    expect(JSON.stringify(other)).not.toContain(stationA.id);
    expect(JSON.stringify(other)).not.toContain(district.organisations.stationA);
  });

  it('books a case once, refuses a full slot, and frees the place on cancelling', async () => {
    const slot = await admin.notary.createSlot({
      organisationId: district.organisations.stationA,
      ...slotTimes(11),
      capacity: 1,
    });
    const first = await notaryCase('王秀英');
    const second = await notaryCase('李建华');
    const booking = await admin.notary.book({ caseId: first.id, slotId: slot.id, expedited: true });
    expect(booking).toMatchObject({ caseId: first.id, expedited: true, cancelledAt: null });

    expect(await failure(admin.notary.book({ caseId: second.id, slotId: slot.id }))).toBe(
      'CONFLICT notary.slot_full',
    );
    const other = await admin.notary.createSlot({
      organisationId: district.organisations.stationA,
      ...slotTimes(11, 10),
      capacity: 3,
    });
    expect(await failure(admin.notary.book({ caseId: first.id, slotId: other.id }))).toBe(
      'CONFLICT notary.case_already_booked',
    );

    await admin.notary.cancelBooking({ caseId: first.id, bookingId: booking.id, reason: '申请人改期' });
    expect(
      await failure(
        admin.notary.cancelBooking({ caseId: first.id, bookingId: booking.id, reason: '再次取消' }),
      ),
    ).toBe('CONFLICT notary.booking_already_cancelled');
    await admin.notary.book({ caseId: second.id, slotId: slot.id });

    const bookings = await admin.notary.getBookings({ caseId: first.id });
    expect(bookings).toHaveLength(1);
    expect(bookings[0]?.cancelledAt).not.toBeNull();
    const { timeline } = await admin.case.get({ caseId: first.id });
    expect(timeline.map((e) => e.text)).toEqual(
      expect.arrayContaining(['公证预约已登记：加急', '申请人改期']),
    );
  });

  it('gives the last place to exactly one of two desks booking at the same moment', async () => {
    const slot = await admin.notary.createSlot({
      organisationId: district.organisations.stationA,
      ...slotTimes(13),
      capacity: 1,
    });
    const cases = await Promise.all([notaryCase('赵一'), notaryCase('钱二'), notaryCase('孙三')]);
    const outcomes = await Promise.all(
      cases.map((c) => failure(admin.notary.book({ caseId: c.id, slotId: slot.id }))),
    );
    expect(outcomes.filter((o) => o === 'succeeded')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'CONFLICT notary.slot_full')).toHaveLength(2);
    const [after] = await admin.notary.getSlots({
      organisationId: district.organisations.stationA,
      from: slot.startsAt,
      to: slot.endsAt,
    });
    expect(after?.booked).toBe(1);
  });

  it('sends the green channel home: a home visit needs the elderly, sick or disabled flag', async () => {
    const slot = await admin.notary.createSlot({
      organisationId: district.organisations.stationA,
      ...slotTimes(14),
      capacity: 2,
    });
    const c = await notaryCase('周老太');
    expect(
      await failure(
        admin.notary.book({ caseId: c.id, slotId: slot.id, homeVisitAddress: '漕溪北路88弄3号' }),
      ),
    ).toBe('BAD_REQUEST notary.home_visit_needs_green_channel');
    const booking = await admin.notary.book({
      caseId: c.id,
      slotId: slot.id,
      greenChannel: 'elderly',
      homeVisitAddress: '漕溪北路88弄3号',
    });
    expect(booking).toMatchObject({ greenChannel: 'elderly', homeVisitAddress: '漕溪北路88弄3号' });
  });

  it('books with the case’s own expedited and green-channel answers unless the desk says otherwise', async () => {
    const slot = await admin.notary.createSlot({
      organisationId: district.organisations.stationA,
      ...slotTimes(16),
      capacity: 3,
    });
    const c = await admin.case.create({
      channel: 'walk-in',
      resident: { name: '郑老伯', phone: '13800001111' },
      serviceType: 'notary',
      category: 'will',
      description: '卧床老人办理遗嘱公证',
      organisationId: district.organisations.stationA,
      form: {
        matterType: 'will',
        applicantName: '郑老伯',
        greenChannel: true,
        greenChannelReason: 'sick',
        expedited: true,
      },
    });
    expect(
      await admin.notary.book({
        caseId: c.id,
        slotId: slot.id,
        homeVisitAddress: '天钥桥路100弄2号',
      }),
    ).toMatchObject({
      expedited: true,
      greenChannel: 'sick',
      homeVisitAddress: '天钥桥路100弄2号',
    });
  });

  it('books only cases of the notary service, and names an unknown slot', async () => {
    const mediationCase = await notaryCase('陈建国', 'mediation');
    const slot = await admin.notary.createSlot({
      organisationId: district.organisations.stationA,
      ...slotTimes(15),
      capacity: 1,
    });
    expect(await failure(admin.notary.book({ caseId: mediationCase.id, slotId: slot.id }))).toBe(
      'BAD_REQUEST plugin.case_of_other_service',
    );
    const c = await notaryCase('吴六');
    expect(await failure(admin.notary.book({ caseId: c.id, slotId: randomUUID() }))).toBe(
      'NOT_FOUND notary.slot_not_found',
    );
  });
});

describe("a plugin's data handle", () => {
  it('reaches the plugin’s own tables only, not the platform’s', async () => {
    await expect(
      h.asPlugin(district.tenantId, 'notary', (db) => db.query(sql`select id from resident`)),
    ).rejects.toMatchObject({ cause: { message: 'permission denied for table resident' } });
    const count = await h.asPlugin(district.tenantId, 'notary', (db) =>
      db.query<{ n: number }>(sql`select count(*)::int as n from notary_booking_slot`),
    );
    expect(count[0]?.n).toBeGreaterThan(0);
  });

  it('sees only its tenant’s rows', async () => {
    const other = await h.otherDistrict('notary-other');
    const rows = await h.asPlugin(other.tenantId, 'notary', (db) =>
      db.query(sql`select id from notary_booking_slot`),
    );
    expect(rows).toEqual([]);
  });

  it('records audit entries under the plugin’s own actions only', async () => {
    await expect(
      h.asPlugin(district.tenantId, 'notary', (db) =>
        db.audit({ action: 'case.closed', objectType: 'case', objectId: randomUUID() }),
      ),
    ).rejects.toThrow('Plugin "notary" may only record audit actions starting with "notary."');
  });
});

describe('the documents checklist of a notarial case', () => {
  it('lists the matter’s documents, ticks those received and names the missing ones', async () => {
    const c = await notaryCase('梁美玲');
    const before = await admin.notary.getDocuments({ caseId: c.id });
    expect(before).toMatchObject({ matter: 'kinship', complete: false });
    expect(before.missing).toEqual([
      'applicant-id',
      'household-register',
      'relationship-proof',
      'relative-id',
    ]);

    const after = await admin.notary.setDocuments({
      caseId: c.id,
      received: ['applicant-id', 'household-register', 'relationship-proof'],
    });
    expect(after.missing).toEqual(['relative-id']);
    // The set replaces the last one: an unticked document is missing again.
    await admin.notary.setDocuments({ caseId: c.id, received: ['applicant-id'] });
    expect((await admin.notary.getDocuments({ caseId: c.id })).missing).toEqual([
      'household-register',
      'relationship-proof',
      'relative-id',
    ]);
    const timeline = (await admin.case.get({ caseId: c.id })).timeline.map((e) => e.text);
    expect(timeline).toContain('公证材料已收 3/4，尚缺 1 项');
  });

  it('refuses a document of another matter and a case of another service', async () => {
    const c = await notaryCase('高志远');
    expect(await failure(admin.notary.setDocuments({ caseId: c.id, received: ['will-draft'] }))).toBe(
      'BAD_REQUEST notary.document_not_on_checklist',
    );
    const mediation = await notaryCase('邓丽君', 'mediation');
    expect(await failure(admin.notary.getDocuments({ caseId: mediation.id }))).toBe(
      'BAD_REQUEST plugin.case_of_other_service',
    );
  });
});
