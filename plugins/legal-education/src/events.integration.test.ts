import type { PluginDb } from '@linju/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pluginHarness, type TestDistrict } from '../../../packages/api/src/plugin-harness.ts';
import { listEvents, recordEvent } from './events.ts';

/**
 * The events' rules on the plugin's own data handle against real PostgreSQL, with no API in
 * between: the one-themed-day-a-month rule is the table's unique index, and the rows are the tenant's.
 */
const h = pluginHarness();
let district: TestDistrict;

beforeAll(async () => {
  ({ district } = await h.district('education-rules'));
});
afterAll(() => h.close());

const lecture = (organisationId: string, heldOn: string, themedDay: boolean) => ({
  organisationId,
  heldOn,
  eventType: 'lecture' as const,
  theme: 'constitution' as const,
  title: '宪法知识讲座',
  venue: '居民区活动室',
  audience: '居民',
  attendance: 30,
  themedDay,
});
const asEducation = <T>(run: (db: PluginDb) => Promise<T>, tenantId = district.tenantId) =>
  h.asPlugin(tenantId, 'legal-education', run);

describe('legal publicity events in the database', () => {
  it('hold one themed day per unit a month, and any number of other events', async () => {
    const room = district.organisations.roomA;
    await asEducation((db) => recordEvent(db, lecture(room, '2026-10-08', true), 'test'));
    await asEducation((db) => recordEvent(db, lecture(room, '2026-10-09', false), 'test'));
    await expect(
      asEducation((db) => recordEvent(db, lecture(room, '2026-10-20', true), 'test')),
    ).rejects.toMatchObject({
      name: 'PluginRuleError',
      message: 'legal-education.themed_day_taken',
      field: 'themedDay',
    });
    await asEducation((db) => recordEvent(db, lecture(room, '2026-11-03', true), 'test'));
    await asEducation((db) =>
      recordEvent(db, lecture(district.organisations.stationB, '2026-10-20', true), 'test'),
    );
    const october = await asEducation((db) =>
      listEvents(db, { organisationIds: [room], from: '2026-10-01', to: '2026-10-31' }),
    );
    expect(october.map((e) => [e.heldOn, e.themedDay])).toEqual([
      ['2026-10-08', true],
      ['2026-10-09', false],
    ]);
  });

  it('are their district’s only', async () => {
    const other = await h.otherDistrict('education-rules-other');
    const seen = await asEducation(
      (db) =>
        listEvents(db, {
          organisationIds: [district.organisations.roomA],
          from: '2026-01-01',
          to: '2026-12-31',
        }),
      other.tenantId,
    );
    expect(seen).toEqual([]);
  });
});
