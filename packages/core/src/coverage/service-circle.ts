/** A point on the map, WGS-84 degrees (the coordinates the organisations carry). */
export type LatLng = { latitude: number; longitude: number };

const EARTH_RADIUS_METRES = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance between two points, in metres. */
export function haversineMetres(a: LatLng, b: LatLng): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

export type CoverageRule = { townMetres: number; villageMetres: number; walkingFactor: number };
export const DEFAULT_COVERAGE_RULE: CoverageRule = {
  townMetres: 1200,
  villageMetres: 2000,
  walkingFactor: 1.3,
};

export type Community = LatLng & {
  id: string;
  nameZh: string;
  nameEn: string;
  settlement: 'town' | 'village';
};
export type ServicePoint = LatLng & { id: string; nameZh: string; nameEn: string; kind: string };

export type CommunityCoverage = {
  community: Community;
  /** The walking distance the rule allows for this community. */
  limitMetres: number;
  nearest: { point: ServicePoint; walkingMetres: number } | null;
  covered: boolean;
};

/**
 * 15分钟公共法律服务圈: each community against the nearest service point. Walking distance is
 * estimated as the straight-line (haversine) distance × the walking factor — streets are not
 * straight, and no road network is available offline; the factor (1.3 by default, the usual
 * detour index of a city grid) is the district's to set. Gaps come first, farthest first.
 */
export function serviceCircle(
  communities: readonly Community[],
  points: readonly ServicePoint[],
  rule: CoverageRule,
) {
  const lines: CommunityCoverage[] = communities.map((community) => {
    let nearest: CommunityCoverage['nearest'] = null;
    for (const point of points) {
      const walkingMetres = haversineMetres(community, point) * rule.walkingFactor;
      if (!nearest || walkingMetres < nearest.walkingMetres) nearest = { point, walkingMetres };
    }
    const limitMetres = community.settlement === 'town' ? rule.townMetres : rule.villageMetres;
    return {
      community,
      limitMetres,
      nearest,
      covered: nearest !== null && nearest.walkingMetres <= limitMetres,
    };
  });
  const covered = lines.filter((l) => l.covered).length;
  const gaps = lines
    .filter((l) => !l.covered)
    .sort((a, b) => (b.nearest?.walkingMetres ?? Infinity) - (a.nearest?.walkingMetres ?? Infinity));
  return {
    communities: lines.length,
    covered,
    /** 0–1; null when the district has listed no communities. */
    share: lines.length > 0 ? covered / lines.length : null,
    gaps,
    coveredCommunities: lines.filter((l) => l.covered),
  };
}
