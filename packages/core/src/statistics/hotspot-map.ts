import type { GrowthFinding } from './sweep-ranking.ts';

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

export const MAP_SIZE = { width: 640, height: 480, padding: 36 } as const;

const growthColour = (change: number, current: number) => {
  if (change === 0) return '#9ca3af';
  // Share of this month's matters that are new (or gone): 0–1, at least a visible tint.
  const strength = Math.min(1, Math.max(0.25, Math.abs(change) / Math.max(1, current, Math.abs(change))));
  const shade = Math.round(220 - 180 * strength);
  return change > 0 ? `rgb(220, ${shade}, ${shade})` : `rgb(${shade}, ${shade}, 220)`;
};

/**
 * Places the units on a plain map by their coordinates (an equirectangular projection scaled by
 * the cosine of the mean latitude, so a district's shape is not stretched), nothing fetched from
 * anywhere: the page draws it as SVG. Units with the most matters are drawn last (on top).
 */
export function hotspotMap(units: readonly MapUnit[]): { width: number; height: number; points: MapPoint[] } {
  const { width, height, padding } = MAP_SIZE;
  if (units.length === 0) return { width, height, points: [] };
  const meanLat = units.reduce((s, u) => s + u.latitude, 0) / units.length;
  const k = Math.cos((meanLat * Math.PI) / 180);
  const xs = units.map((u) => u.longitude * k);
  const ys = units.map((u) => u.latitude);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  const scale = Math.min(
    (width - 2 * padding) / Math.max(maxX - minX, span / 4),
    (height - 2 * padding) / Math.max(maxY - minY, span / 4),
  );
  const offsetX = (width - (maxX - minX) * scale) / 2;
  const offsetY = (height - (maxY - minY) * scale) / 2;
  const points = units.map((u, i) => {
    const current = u.finding?.current ?? 0;
    const change = u.finding?.change ?? 0;
    return {
      id: u.id,
      nameZh: u.nameZh,
      nameEn: u.nameEn,
      x: Math.round((offsetX + ((xs[i] as number) - minX) * scale) * 10) / 10,
      y: Math.round((offsetY + (maxY - (ys[i] as number)) * scale) * 10) / 10,
      r: Math.round(Math.min(28, 4 + 3 * Math.sqrt(current)) * 10) / 10,
      fill: growthColour(change, current),
      current,
      change,
    };
  });
  return { width, height, points: points.sort((a, b) => a.current - b.current || a.id.localeCompare(b.id)) };
}
