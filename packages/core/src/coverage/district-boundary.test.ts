import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { parseBoundary } from './district-boundary.ts';

const ring = [
  [121.4, 31.15],
  [121.5, 31.15],
  [121.5, 31.25],
  [121.4, 31.15],
];
const feature = (geometry: unknown) => ({ type: 'Feature', properties: { name: '徐汇区' }, geometry });
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof DomainError ? `${error.message} @ ${error.field}` : error;
  }
  return 'accepted';
};

describe('a district boundary uploaded as GeoJSON', () => {
  it('takes polygons from a FeatureCollection, a Feature or a bare geometry', () => {
    const collection = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        feature({ type: 'Polygon', coordinates: [ring] }),
        feature({ type: 'MultiPolygon', coordinates: [[ring], [ring]] }),
      ],
    });
    expect(parseBoundary(collection, 'wgs84')).toHaveLength(3);
    expect(parseBoundary(JSON.stringify({ type: 'Polygon', coordinates: [ring] }), 'wgs84')).toEqual([
      [ring],
    ]);
  });

  it('keeps WGS-84: a file in GCJ-02 is converted, a few hundred metres back', () => {
    const [[[first]]] = parseBoundary(JSON.stringify({ type: 'Polygon', coordinates: [ring] }), 'gcj02') as [
      [[[number, number]]],
    ];
    const metres = Math.hypot((first[0] - 121.4) * 95_000, (first[1] - 31.15) * 110_540);
    expect(metres).toBeGreaterThan(300);
    expect(metres).toBeLessThan(700);
  });

  it('refuses what is not a boundary in China, naming the file field', () => {
    expect(refusal(() => parseBoundary('{"type":', 'wgs84'))).toBe('coverage.boundary_invalid @ geojson');
    expect(
      refusal(() =>
        parseBoundary(JSON.stringify(feature({ type: 'Point', coordinates: [121.4, 31.2] })), 'wgs84'),
      ),
    ).toBe('coverage.boundary_invalid @ geojson');
    // Metres of a projected system, or latitude and longitude swapped.
    const swapped = ring.map(([lng, lat]) => [lat, lng]);
    expect(
      refusal(() => parseBoundary(JSON.stringify({ type: 'Polygon', coordinates: [swapped] }), 'wgs84')),
    ).toBe('coverage.boundary_outside_china @ geojson');
  });
});
