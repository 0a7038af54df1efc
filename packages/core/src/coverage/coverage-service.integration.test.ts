import { randomBytes } from 'node:crypto';
import { createSecretBox } from '@linju/auth';
import { connect, eq, schema, type TenantTx, withTenant } from '@linju/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Actor, systemActor } from '../actor.ts';
import { actorOf } from '../testing/test-actor.ts';
import { createTestDistrict, type TestDistrict } from '../testing/test-district.ts';
import { createCommunity, getCoverage, setCoverageRule } from './coverage-service.ts';
import { districtBoundaryOf, setDistrictBoundary } from './district-boundary.ts';

const app = connect(inject('databaseUrl'));
const box = createSecretBox(randomBytes(32));
let d: TestDistrict;
let admin: Actor;
const inTenant = <T>(fn: (tx: TenantTx) => Promise<T>) => withTenant(app.db, d.tenantId, fn);

beforeAll(async () => {
  d = await createTestDistrict(app.db, box, 'coverage');
  admin = systemActor(d.tenantId, 'test admin');
  // Two service points with coordinates (room A, station B); the centre and station A have none.
  await inTenant(async (tx) => {
    for (const [id, latitude, longitude] of [
      [d.organisations.roomA, 31.2235, 121.4455],
      [d.organisations.stationB, 31.25, 121.46],
    ] as const)
      await tx.update(schema.organisation).set({ latitude, longitude }).where(eq(schema.organisation.id, id));
    const community = (nameZh: string, settlement: 'town' | 'village', latitude: number, longitude: number) =>
      createCommunity(tx, admin, { nameZh, nameEn: nameZh, settlement, latitude, longitude });
    await community('近社区', 'town', 31.2285, 121.4455); // ~556 m straight, ~723 m walking from room A
    await community('远社区', 'town', 31.2335, 121.4455); // ~1,112 m straight, ~1,446 m walking: a gap
    await community('某村', 'village', 31.2335, 121.4455); // the same, but a village: within 2 km
    await community('偏远村', 'village', 31.3, 121.3); // far from both
  });
});
afterAll(() => app.close());

describe('the 15-minute service circle of a district', () => {
  it('gives the share of communities within the rule of a service point, and lists the gaps farthest first', async () => {
    const coverage = await inTenant((tx) => getCoverage(tx, admin));
    expect(coverage.rule).toEqual({ townMetres: 1200, villageMetres: 2000, walkingFactor: 1.3 });
    expect(coverage.servicePoints).toBe(2);
    expect(coverage).toMatchObject({ communities: 4, covered: 2, share: 0.5 });
    expect(coverage.gaps.map((g) => g.community.nameZh)).toEqual(['偏远村', '远社区']);
    expect(coverage.gaps[1]?.nearest?.point.id).toBe(d.organisations.roomA);
    expect(coverage.gaps[1]?.nearest?.walkingMetres).toBeGreaterThan(1400);
  });

  it('follows the district’s own rule', async () => {
    await inTenant((tx) =>
      setCoverageRule(tx, admin, { townMetres: 1500, villageMetres: 2000, walkingFactor: 1.3 }),
    );
    const coverage = await inTenant((tx) => getCoverage(tx, admin));
    expect(coverage.gaps.map((g) => g.community.nameZh)).toEqual(['偏远村']);
    expect(coverage.share).toBe(0.75);
    await expect(
      inTenant((tx) =>
        setCoverageRule(tx, admin, { townMetres: 50, villageMetres: 2000, walkingFactor: 1.3 }),
      ),
    ).rejects.toThrow('coverage.metres_range');
  });

  it('is for the whole district’s statistics readers; listing communities is the bureau’s', async () => {
    const head = await actorOf(app.db, d.tenantId, d.people.headA);
    await expect(inTenant((tx) => getCoverage(tx, head))).rejects.toThrow('auth.forbidden');
    await expect(
      inTenant((tx) =>
        createCommunity(tx, head, {
          nameZh: '某社区',
          nameEn: 'C',
          settlement: 'town',
          latitude: 31,
          longitude: 121,
        }),
      ),
    ).rejects.toThrow('auth.forbidden');
  });

  it('draws the circle over the boundary the bureau uploaded, kept per district and audited', async () => {
    const before = await inTenant((tx) => getCoverage(tx, admin));
    expect(before.map.boundary).toBe('');
    expect(before.map.servicePoints).toHaveLength(2);
    expect(
      before.map.communities
        .filter((c) => !c.covered)
        .map((c) => c.nameZh)
        .sort(),
    ).toEqual(['偏远村']);
    const square = [
      [121.28, 31.2],
      [121.48, 31.2],
      [121.48, 31.32],
      [121.28, 31.32],
      [121.28, 31.2],
    ];
    const geojson = JSON.stringify({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [square] } });
    const head = await actorOf(app.db, d.tenantId, d.people.headA);
    await expect(
      inTenant((tx) => setDistrictBoundary(tx, head, { geojson, datum: 'wgs84' })),
    ).rejects.toThrow('auth.forbidden');
    expect(await inTenant((tx) => setDistrictBoundary(tx, admin, { geojson, datum: 'wgs84' }))).toEqual({
      polygons: 1,
      points: 5,
    });
    const after = await inTenant((tx) => getCoverage(tx, admin));
    expect(after.map.boundary).toMatch(/^M[\d. ]+(L[\d. ]+){4}Z$/);
    // A circle's radius is the town walk as the crow flies (1,500 m / 1.3), on the map's scale.
    expect(after.map.servicePoints[0]?.radius).toBeGreaterThan(0);
    const [entry] = await inTenant((tx) =>
      tx.select().from(schema.auditEntry).where(eq(schema.auditEntry.action, 'coverage.boundary_set')),
    );
    expect(entry?.after).toEqual({ polygons: 1, points: 5, sourceDatum: 'wgs84' });
    // Another district neither sees nor draws it.
    const other = await createTestDistrict(app.db, box, 'coverage-other');
    const theirs = await withTenant(app.db, other.tenantId, (tx) => districtBoundaryOf(tx));
    expect(theirs).toEqual([]);
  });
});
