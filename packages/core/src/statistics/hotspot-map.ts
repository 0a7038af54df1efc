import type { schema } from '@linju/db';
import { mapFrame, polygonsPath } from '../geo/map-frame.ts';
import type { GrowthFinding } from './sweep-ranking.ts';

type BoundaryPolygon = schema.BoundaryPolygon;

export type MapUnit = {
  id: string;
  nameZh: string;
  nameEn: string;
  latitude: number;
  longitude: number;
  /** The unit's line in the growth ranking; null when it had no matters in either month. */
  finding: GrowthFinding | null;
};

export type MapPoint = {
  id: string;
  nameZh: string;
  nameEn: string;
  x: number;
  y: number;
  /** Radius by this month's matters. */
  r: number;
  /** Red for growth (deeper the more), blue for a fall, grey for no change or none. */
  fill: string;
  current: number;
  change: number;
};

const growthColour = (change: number, current: number) => {
  if (change === 0) return '#9ca3af';
  // Share of this month's matters that are new (or gone): 0–1, at least a visible tint.
  const strength = Math.min(1, Math.max(0.25, Math.abs(change) / Math.max(1, current, Math.abs(change))));
  const shade = Math.round(220 - 180 * strength);
  return change > 0 ? `rgb(220, ${shade}, ${shade})` : `rgb(${shade}, ${shade}, 220)`;
};

/**
 * Places the units on a plain map by their coordinates (`mapFrame`), over the district's boundary
 * when the bureau uploaded one, nothing fetched from anywhere: the page draws it as SVG. Units
 * with the most matters are drawn last (on top).
 */
export function hotspotMap(
  units: readonly MapUnit[],
  boundary: readonly BoundaryPolygon[] = [],
): { width: number; height: number; boundary: string; points: MapPoint[] } {
  const frame = mapFrame([
    ...units.map((u) => [u.longitude, u.latitude] as const),
    ...boundary.flatMap((rings) => rings.flat()),
  ]);
  const points = units.map((u) => {
    const current = u.finding?.current ?? 0;
    const change = u.finding?.change ?? 0;
    return {
      id: u.id,
      nameZh: u.nameZh,
      nameEn: u.nameEn,
      ...frame.project([u.longitude, u.latitude]),
      r: Math.round(Math.min(28, 4 + 3 * Math.sqrt(current)) * 10) / 10,
      fill: growthColour(change, current),
      current,
      change,
    };
  });
  return {
    width: frame.width,
    height: frame.height,
    boundary: polygonsPath(frame, boundary),
    points: points.sort((a, b) => a.current - b.current || a.id.localeCompare(b.id)),
  };
}
