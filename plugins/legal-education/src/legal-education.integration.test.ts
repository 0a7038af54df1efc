import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  codeOf,
  pluginHarness,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;
let deskB: AppCaller;

beforeAll(async () => {
  ({ district, admin } = await h.district('education'));
  deskB = await h.staff(district, 'desk-b');
});
afterAll(() => h.close());

const constitutionWeek = {
  heldOn: '2026-12-04',
  eventType: 'campaign' as const,
  theme: 'constitution' as const,
  title: '宪法宣传周进社区',
  venue: '甲居民区广场',
  audience: '居民',
  attendance: 120,
  materials: 500,
  campaign: '2026 宪法宣传周',
};

describe('legal publicity events', () => {
  it('records events per unit, one themed day a month, and reports a campaign', async () => {
    const room = district.organisations.roomA;
    await admin['legal-education'].recordEvent({
      ...constitutionWeek,
      organisationId: room,
      themedDay: true,
    });
    await admin['legal-education'].recordEvent({
      ...constitutionWeek,
      organisationId: district.organisations.stationB,
      attendance: 80,
      materials: 300,
    });
    await expect(
      admin['legal-education'].recordEvent({
        ...constitutionWeek,
        organisationId: room,
        heldOn: '2026-12-20',
        themedDay: true,
      }),
    ).rejects.toSatisfy((e) => codeOf(e) === 'CONFLICT legal-education.themed_day_taken');
    await expect(
      deskB['legal-education'].recordEvent({ ...constitutionWeek, organisationId: room }),
    ).rejects.toSatisfy((e) => codeOf(e) === 'FORBIDDEN auth.forbidden');

    const period = { from: '2026-12-01', to: '2026-12-31' };
    const report = await admin['legal-education'].report({
      organisationId: district.organisations.centreId,
      period,
    });
    expect(report.totals).toEqual({ events: 2, attendance: 200, materials: 800 });
    expect(report.byCampaign).toEqual([
      { campaign: '2026 宪法宣传周', events: 2, attendance: 200, materials: 800 },
    ]);
    expect(report.missingThemedDays).toEqual(
      expect.arrayContaining([
        { organisationId: district.organisations.stationA, month: '2026-12' },
        { organisationId: district.organisations.stationB, month: '2026-12' },
      ]),
    );
    expect(report.missingThemedDays).not.toContainEqual({ organisationId: room, month: '2026-12' });

    const stationB = await admin['legal-education'].getEvents({
      organisationId: district.organisations.stationB,
      period,
    });
    expect(stationB.map((e) => e.attendance)).toEqual([80]);
  });
});

describe('correcting a publicity event', () => {
  it('opens a station’s events to its own staff, never another station’s', async () => {
    const other = await admin['legal-education'].recordEvent({
      ...constitutionWeek,
      heldOn: '2026-11-10',
      organisationId: district.organisations.stationA,
      themedDay: false,
    });
    const own = await deskB['legal-education'].recordEvent({
      ...constitutionWeek,
      heldOn: '2026-11-12',
      organisationId: district.organisations.stationB,
      themedDay: false,
    });
    const page = await deskB['legal-education'].page({
      unit: district.organisations.stationB,
      month: '2026-11',
      edit: own.id,
    });
    expect(page.unitId).toBe(district.organisations.stationB);
    expect(page.events.map((e) => e.id)).toEqual([own.id]);
    expect(page.editing?.id).toBe(own.id);
    // Station A's events, asked for by name, are not the station B officer's to read.
    const refused = await deskB['legal-education'].page({
      unit: district.organisations.stationA,
      month: '2026-11',
      edit: other.id,
    });
    expect(refused.unitId).not.toBe(district.organisations.stationA);
    expect(JSON.stringify(refused)).not.toContain(other.id);
    expect(JSON.stringify(refused)).not.toContain(district.organisations.stationA);
  });

  it('changes what was recorded, keeps one themed day a month and stays with its unit', async () => {
    const room = district.organisations.stationA;
    const {
      id,
      recordedBy: _,
      organisationId: __,
      ...data
    } = await admin['legal-education'].recordEvent({
      ...constitutionWeek,
      heldOn: '2026-11-04',
      organisationId: room,
    });
    const corrected = await admin['legal-education'].updateEvent({
      id,
      organisationId: room,
      ...data,
      attendance: 135,
      venue: '乙居民区活动室',
    });
    expect(corrected).toMatchObject({ id, attendance: 135, venue: '乙居民区活动室', materials: 500 });

    await admin['legal-education'].recordEvent({
      ...constitutionWeek,
      heldOn: '2026-11-20',
      organisationId: room,
      themedDay: true,
    });
    await expect(
      admin['legal-education'].updateEvent({ id, organisationId: room, ...data, themedDay: true }),
    ).rejects.toSatisfy((e) => codeOf(e) === 'CONFLICT legal-education.themed_day_taken');
    // The event is the room's: naming another unit finds nothing to correct.
    await expect(
      admin['legal-education'].updateEvent({ id, organisationId: district.organisations.stationB, ...data }),
    ).rejects.toSatisfy((e) => codeOf(e) === 'NOT_FOUND legal-education.event_not_found');
  });
});
