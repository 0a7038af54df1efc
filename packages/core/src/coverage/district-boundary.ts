import { schema, type TenantTx } from '@linju/db';
import { z } from 'zod';
import { type Actor, auditActor, requireTenantWide } from '../actor.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { DomainError } from '../errors.ts';
import { gcj02ToWgs84 } from '../geo/gcj02.ts';

type BoundaryPolygon = schema.BoundaryPolygon;

/** A district's boundary file is a few hundred kB at most; a country's would not be a district's. */
export const BOUNDARY_MAX_BYTES = 2 * 1024 * 1024;
const MAX_POINTS = 200_000;

export const ZBoundaryUpload = z.object({
  geojson: z.string().min(1, { message: 'coverage.boundary_required' }).max(BOUNDARY_MAX_BYTES, {
    message: 'coverage.boundary_too_large',
  }),
  datum: z.enum(schema.MAP_DATUMS),
});

const invalid = () => new DomainError('bad-request', 'coverage.boundary_invalid', { field: 'geojson' });

const ZPosition = z.tuple([z.number(), z.number()]).rest(z.number());
const ZRing = z.array(ZPosition).min(4);
const ZPolygonCoordinates = z.array(ZRing).min(1);
const ZGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: ZPolygonCoordinates }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(ZPolygonCoordinates).min(1) }),
]);
type Geometry = z.infer<typeof ZGeometry>;

/** The geometries of a GeoJSON document: a geometry, a Feature, or a FeatureCollection of them. */
function geometriesOf(document: unknown): Geometry[] {
  const value = document as { type?: unknown; geometry?: unknown; features?: unknown };
  if (value?.type === 'FeatureCollection' && Array.isArray(value.features)) {
    return value.features.flatMap((feature) => geometriesOf(feature));
  }
  if (value?.type === 'Feature') return value.geometry ? geometriesOf(value.geometry) : [];
  const geometry = ZGeometry.safeParse(document);
  return geometry.success ? [geometry.data] : [];
}

/**
 * The polygons of an uploaded boundary, in WGS-84: Polygon and MultiPolygon geometries, at any
 * depth of Features; every point in China's range (a file in another projection, metres or
 * swapped axes, is refused rather than drawn somewhere in the ocean).
 */
export function parseBoundary(geojson: string, datum: schema.MapDatum): BoundaryPolygon[] {
  let document: unknown;
  try {
    document = JSON.parse(geojson);
  } catch {
    throw invalid();
  }
  const polygons = geometriesOf(document).flatMap((g) =>
    g.type === 'Polygon' ? [g.coordinates] : g.coordinates,
  );
  const points = polygons.reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0);
  if (polygons.length === 0 || points > MAX_POINTS) throw invalid();
  return polygons.map((rings) =>
    rings.map((ring) =>
      ring.map(([lng, lat]) => {
        if (!(lng >= 73 && lng <= 136 && lat >= 3 && lat <= 54)) {
          throw new DomainError('bad-request', 'coverage.boundary_outside_china', { field: 'geojson' });
        }
        const wgs84 = datum === 'gcj02' ? gcj02ToWgs84([lng, lat]) : ([lng, lat] as [number, number]);
        // About a centimetre: enough for a map, and the row stays small.
        return [Math.round(wgs84[0] * 1e7) / 1e7, Math.round(wgs84[1] * 1e7) / 1e7] as [number, number];
      }),
    ),
  );
}

/** Replaces the district's boundary with an uploaded GeoJSON file; the bureau's to set. */
export async function setDistrictBoundary(
  tx: TenantTx,
  actor: Actor,
  request: z.input<typeof ZBoundaryUpload>,
) {
  requireTenantWide(actor, 'tenant.settings.manage');
  const input = ZBoundaryUpload.parse(request);
  const polygons = parseBoundary(input.geojson, input.datum);
  const values = { polygons, sourceDatum: input.datum, uploadedBy: actor.id, uploadedAt: new Date() };
  await tx
    .insert(schema.districtBoundary)
    .values({ tenantId: actor.tenantId, ...values })
    .onConflictDoUpdate({ target: schema.districtBoundary.tenantId, set: values });
  const points = polygons.reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0);
  await appendAudit(tx, {
    ...auditActor(actor),
    action: 'coverage.boundary_set',
    objectType: 'district_boundary',
    objectId: actor.tenantId,
    before: null,
    after: { polygons: polygons.length, points, sourceDatum: input.datum },
  });
  return { polygons: polygons.length, points };
}

/** The district's boundary polygons (WGS-84), or none before the bureau uploaded one. */
export async function districtBoundaryOf(tx: TenantTx): Promise<BoundaryPolygon[]> {
  const [row] = await tx.select({ polygons: schema.districtBoundary.polygons }).from(schema.districtBoundary);
  return row?.polygons ?? [];
}
