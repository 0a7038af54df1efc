import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AppCaller,
  pluginHarness,
  seededRandom,
  type TestDistrict,
} from '../../../packages/api/src/plugin-harness.ts';

/**
 * Legal publicity events and their attendance, kept in the activity roll-ups by recording and
 * correcting the events themselves, through the real procedures, and equal to the plugin's full recount.
 */
const h = pluginHarness();
let district: TestDistrict;
let admin: AppCaller;

beforeAll(async () => {
  ({ district, admin } = await h.district('education-statistics'));
});
afterAll(() => h.close());

describe('legal publicity events in the activity roll-ups', () => {
  it('equal a full recount after a random sequence of events and corrected events, and read back on the dashboard', async () => {
    const { random, pick } = seededRandom(Number(process.env.ROLLUP_SEED ?? 20261123));
    const units = [
      district.organisations.centreId,
      district.organisations.stationA,
      district.organisations.stationB,
      district.organisations.roomA,
    ];
    const inYear = () =>
      new Date(Date.UTC(2026, 2 + Math.floor(random() * 8), 1 + Math.floor(random() * 28), 3));
    const events: { id: string; organisationId: string; title: string; attendance: number }[] = [];
    let corrections = 0;
    for (let step = 0; step < 20; step++) {
      const attendance = Math.floor(random() * 200);
      if (events.length > 0 && random() < 1 / 3) {
        // Attendance counted afterwards, the type or the month put right: the event moves.
        const event = pick(events);
        await admin['legal-education'].updateEvent({
          id: event.id,
          organisationId: event.organisationId,
          heldOn: inYear().toISOString().slice(0, 10),
          eventType: pick(['lecture', 'campaign'] as const),
          theme: 'constitution',
          title: event.title,
          venue: '居民区广场',
          audience: '居民',
          attendance,
        });
        event.attendance = attendance;
        corrections += 1;
      } else {
        const organisationId = pick(units);
        const created = await admin['legal-education'].recordEvent({
          organisationId,
          heldOn: inYear().toISOString().slice(0, 10),
          eventType: pick(['lecture', 'campaign'] as const),
          theme: 'constitution',
          title: `宪法宣传第${step}场`,
          venue: '居民区广场',
          audience: '居民',
          attendance,
        });
        events.push({ id: created.id, organisationId, title: created.title, attendance });
      }
    }
    expect(events.length).toBeGreaterThan(2);
    expect(corrections).toBeGreaterThan(0);

    expect(await h.activityRecountDifferences(district.tenantId)).toEqual([]);

    const attendanceOf = (held: typeof events) => held.reduce((sum, event) => sum + event.attendance, 0);
    const { activity } = await admin.statistics.get({ period: '2026' });
    expect(activity?.education).toMatchObject({ events: events.length, attendance: attendanceOf(events) });
    // A unit's subtree reads its units' rows: station A and its room.
    const stationA = await admin.statistics.get({
      period: '2026',
      organisationId: district.organisations.stationA,
    });
    const underStationA = [district.organisations.stationA, district.organisations.roomA];
    expect(stationA.activity?.education.attendance).toBe(
      attendanceOf(events.filter((event) => underStationA.includes(event.organisationId))),
    );
  });
});
