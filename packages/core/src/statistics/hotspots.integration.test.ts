import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Actor, systemActor } from '../actor.ts';
import { intakeCase } from '../cases/case-service.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { TEST_SERVICE } from '../testing/test-service.ts';
import { getHotspots } from './hotspots.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let admin: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);
let n = 0;
/** A matter received at local noon of `day` at a unit, by category, walk-in or from a 12345 import. */
const matter = (day: string, organisationId: string, category: string, hotline = false) =>
  inTenant((tx) =>
    intakeCase(tx, systemActor(d.tenantId, 'test'), box, {
      channel: hotline ? 'hotline-12345' : 'walk-in',
      externalRef: hotline ? `HOT-${n}` : null,
      resident: { name: `居民${n}`, phone: `139${String(50_000_000 + n++).slice(-8)}` },
      serviceType: TEST_SERVICE,
      category,
      description: '热点用事项',
      organisationId,
      receivedAt: new Date(`${day}T12:00:00+08:00`),
    }),
  );

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'hotspots');
  admin = systemActor(d.tenantId, 'test admin');
  const { stationA, stationB, roomA } = d.organisations;
  await inTenant(async (tx) => {
    for (const [id, latitude, longitude] of [
      [stationA, 31.23, 121.44],
      [stationB, 31.21, 121.47],
      [roomA, 31.235, 121.445],
    ] as const)
      await tx.update(schema.organisation).set({ latitude, longitude }).where(eq(schema.organisation.id, id));
  });
  // June: wages 1 at A, neighbours 3 at B. July: wages 4 at A (three from 12345), neighbours 1 at B.
  await matter('2026-06-10', stationA, 'wages');
  for (const day of ['2026-06-11', '2026-06-12', '2026-06-13']) await matter(day, stationB, 'neighbours');
  for (const day of ['2026-07-01', '2026-07-02', '2026-07-03']) await matter(day, stationA, 'wages', true);
  await matter('2026-07-04', stationA, 'wages');
  await matter('2026-07-05', stationB, 'neighbours');
});
afterAll(() => app.close());

describe('hotspots', () => {
  it('rank the categories, 12345 orders and places growing fastest, and draw the units by their coordinates', async () => {
    const h = await inTenant((tx) => getHotspots(tx, admin, { month: '2026-07' }));
    expect(h.previousMonth).toBe('2026-06');
    expect(h.categories.map((c) => [c.key, c.change])).toEqual([
      [`${TEST_SERVICE}/wages`, 3],
      [`${TEST_SERVICE}/neighbours`, -2],
    ]);
    expect(h.hotlineCategories[0]).toMatchObject({ key: `${TEST_SERVICE}/wages`, current: 3, previous: 0 });
    expect(h.places[0]).toMatchObject({ key: d.organisations.stationA, nameZh: '甲街道工作站', change: 3 });
    const drawn = Object.fromEntries(h.map.points.map((p) => [p.id, p]));
    expect(Object.keys(drawn).sort()).toEqual(
      [d.organisations.stationA, d.organisations.stationB, d.organisations.roomA].sort(),
    );
    // Station A grows (red, larger), B falls (blue), the room had nothing (grey, smallest).
    expect(drawn[d.organisations.stationA]).toMatchObject({ current: 4, change: 3 });
    expect(drawn[d.organisations.stationA]?.fill).toMatch(/^rgb\(220, /);
    expect(drawn[d.organisations.stationB]?.fill).toMatch(/, 220\)$/);
    expect(drawn[d.organisations.roomA]).toMatchObject({ current: 0, fill: '#9ca3af' });
    // East is right, north is up.
    expect(drawn[d.organisations.stationB]?.x).toBeGreaterThan(drawn[d.organisations.stationA]?.x as number);
    expect(drawn[d.organisations.stationB]?.y).toBeGreaterThan(drawn[d.organisations.stationA]?.y as number);
    expect(h.unplaced).toBe(0);
  });

  it('are for whoever reads the whole district', async () => {
    const head = await actorOf(app.db, d.tenantId, d.people.headA);
    await expect(inTenant((tx) => getHotspots(tx, head, { month: '2026-07' }))).rejects.toThrow(
      'auth.forbidden',
    );
    await expect(inTenant((tx) => getHotspots(tx, admin, { month: '2026-13' }))).rejects.toThrow(
      'statistics.period_invalid',
    );
  });
});
