/** A point in WGS-84 degrees. */
export type LngLat = readonly [longitude: number, latitude: number];

export const MAP_SIZE = { width: 640, height: 480, padding: 36 } as const;

export interface MapFrame {
  width: number;
  height: number;
  /** The point's place on the map, in SVG units (y grows downwards). */
  project(point: LngLat): { x: number; y: number };
  /** A ground distance as SVG units (for circles of a radius in metres). */
  metres(distance: number): number;
}

const METRES_PER_DEGREE = 111_320;
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Frames a plain map around everything to be drawn (the units, the district's boundary): an
 * equirectangular projection scaled by the cosine of the mean latitude, so a district's shape is
 * not stretched. Nothing is fetched; pages draw the result as SVG.
 */
export function mapFrame(points: readonly LngLat[], size = MAP_SIZE): MapFrame {
  const { width, height, padding } = size;
  if (points.length === 0)
    return { width, height, project: () => ({ x: width / 2, y: height / 2 }), metres: () => 0 };
  const meanLat = points.reduce((s, p) => s + p[1], 0) / points.length;
  const k = Math.cos((meanLat * Math.PI) / 180);
  const xs = points.map((p) => p[0] * k);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(maxX - minX, maxY - minY, 1e-6);
  const scale = Math.min(
    (width - 2 * padding) / Math.max(maxX - minX, span / 4),
    (height - 2 * padding) / Math.max(maxY - minY, span / 4),
  );
  const offsetX = (width - (maxX - minX) * scale) / 2;
  const offsetY = (height - (maxY - minY) * scale) / 2;
  return {
    width,
    height,
    project: ([lng, lat]) => ({
      x: round(offsetX + (lng * k - minX) * scale),
      y: round(offsetY + (maxY - lat) * scale),
    }),
    metres: (distance) => round((distance / METRES_PER_DEGREE) * scale),
  };
}

/** Polygons' rings (`[lng, lat]` pairs) as one SVG path, holes included (drawn with `evenodd`). */
export function polygonsPath(frame: MapFrame, polygons: readonly (readonly (readonly LngLat[])[])[]): string {
  return polygons
    .flatMap((rings) =>
      rings.map(
        (ring) =>
          `M${ring
            .map((point) => {
              const { x, y } = frame.project(point);
              return `${x} ${y}`;
            })
            .join('L')}Z`,
      ),
    )
    .join('');
}
