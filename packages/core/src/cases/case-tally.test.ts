import { schema } from '@linju/db';
import { describe, expect, it } from 'vitest';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { rollupDelta, type Tally, tallyOf } from './case-tally.ts';

const received: Tally = {
  receivedOrganisationId: 'station-a',
  outcomeOrganisationId: 'station-a',
  serviceType: TEST_SERVICE,
  channel: 'walk-in',
  category: 'neighbours',
  keyGroups: ['elderly'],
  receivedMonth: '2026-03-01',
  resolvedMonth: null,
  resolutionSeconds: null,
  onTime: null,
  closedMonth: null,
  endedMonth: null,
  feedbackMonth: null,
  ratedMonth: null,
  score: null,
};

describe('a case’s tally and the roll-up rows it changes', () => {
  it('counts a new case once per unit/district × service/all services × breakdown', () => {
    const rows = rollupDelta(null, received);
    // 2 scopes × 2 services × (all, channel, category, one key group), + the service line under all services
    expect(rows).toHaveLength(18);
    expect(rows.filter((r) => r.key.dimension === 'service').map((r) => r.key.serviceType)).toEqual([
      '*',
      '*',
    ]);
    expect(rows.every((r) => r.m.received === 1 && r.m.resolved === 0)).toBe(true);
    expect(rows.map((r) => r.key.organisationId)).toContain(schema.DISTRICT_WIDE);
    expect(rows.find((r) => r.key.dimension === 'category')?.key.value).toBe(`${TEST_SERVICE}:neighbours`);
  });

  it('changes nothing when nothing counted changes, and moves only what moved', () => {
    expect(rollupDelta(received, { ...received })).toEqual([]);
    const resolved = { ...received, resolvedMonth: '2026-04-01', resolutionSeconds: 3600, onTime: true };
    const rows = rollupDelta(received, resolved);
    expect(rows.every((r) => r.key.month === '2026-04-01' && r.m.resolved === 1 && r.m.received === 0)).toBe(
      true,
    );
    const reclassified = rollupDelta(received, { ...received, category: 'family' });
    const categories = reclassified.filter((r) => r.key.dimension === 'category');
    // unit and district × the service and all services, each once up and once down
    expect(
      categories.filter((r) => r.key.value === `${TEST_SERVICE}:family` && r.m.received === 1),
    ).toHaveLength(4);
    expect(
      categories.filter((r) => r.key.value === `${TEST_SERVICE}:neighbours` && r.m.received === -1),
    ).toHaveLength(4);
    // Rows come in key order, so concurrent changes take row locks in one order.
    const keys = rows.map((r) => Object.values(r.key).join('|'));
    expect([...keys].sort()).toEqual(keys);
  });

  it('dates a case by the tenant’s calendar month and counts a withdrawal as ended, not closed', () => {
    const t = tallyOf(
      {
        receivedAtOrganisationId: 'a',
        currentOrganisationId: 'b',
        serviceType: 'undecided',
        channel: 'online',
        category: null,
        status: 'withdrawn',
        // 2026-03-31 17:30 UTC is already April 1st in Shanghai.
        receivedAt: new Date('2026-03-31T17:30:00Z'),
        resolvedAt: null,
        feedbackAt: null,
        closedAt: new Date('2026-04-02T02:00:00Z'),
      },
      { timeZone: 'Asia/Shanghai', keyGroups: ['minors', 'elderly', 'minors'], rating: null, onTime: null },
    );
    expect(t).toMatchObject({
      receivedMonth: '2026-04-01',
      endedMonth: '2026-04-01',
      closedMonth: null,
      outcomeOrganisationId: 'b',
      category: '',
      keyGroups: ['elderly', 'minors'],
    });
  });
});
