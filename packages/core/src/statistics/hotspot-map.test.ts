import { describe, expect, it } from 'vitest';
import { MAP_SIZE } from '../geo/map-frame.ts';
import { hotspotMap } from './hotspot-map.ts';

const unit = (id: string, latitude: number, longitude: number, current: number, previous: number) => ({
  id,
  nameZh: id,
  nameEn: id,
  latitude,
  longitude,
  finding: { key: id, current, previous, change: current - previous, growth: null },
});

describe('the hotspot map', () => {
  it('places units by their coordinates inside the frame, north up, sized by matters and coloured by growth', () => {
    const { points } = hotspotMap([
      unit('north', 31.25, 121.45, 9, 1),
      unit('south', 31.2, 121.45, 1, 4),
      unit('east', 31.22, 121.48, 2, 2),
    ]);
    const at = Object.fromEntries(points.map((p) => [p.id, p]));
    expect(at.north?.y).toBeLessThan(at.south?.y as number);
    expect(at.east?.x).toBeGreaterThan(at.north?.x as number);
    for (const p of points) {
      expect(p.x).toBeGreaterThanOrEqual(MAP_SIZE.padding - 0.1);
      expect(p.x).toBeLessThanOrEqual(MAP_SIZE.width - MAP_SIZE.padding + 0.1);
      expect(p.y).toBeGreaterThanOrEqual(MAP_SIZE.padding - 0.1);
      expect(p.y).toBeLessThanOrEqual(MAP_SIZE.height - MAP_SIZE.padding + 0.1);
    }
    expect(at.north?.r).toBeGreaterThan(at.south?.r as number);
    expect(at.north?.fill).toMatch(/^rgb\(220, /); // growing: red
    expect(at.south?.fill).toMatch(/, 220\)$/); // falling: blue
    expect(at.east?.fill).toBe('#9ca3af'); // unchanged: grey
    // The busiest unit is drawn last, on top.
    expect(points.at(-1)?.id).toBe('north');
  });

  it('draws a single unit in the middle and nothing without units', () => {
    expect(hotspotMap([]).points).toEqual([]);
    const [only] = hotspotMap([unit('only', 31.2, 121.4, 3, 0)]).points;
    expect(only).toMatchObject({ x: MAP_SIZE.width / 2, y: MAP_SIZE.height / 2 });
  });

  it('frames the district’s boundary with the units, the boundary drawn as a path around them', () => {
    const square: [number, number][] = [
      [121.4, 31.15],
      [121.5, 31.15],
      [121.5, 31.25],
      [121.4, 31.25],
      [121.4, 31.15],
    ];
    const map = hotspotMap([unit('middle', 31.2, 121.45, 3, 1)], [[square]]);
    expect(map.boundary).toMatch(/^M[\d. ]+(L[\d. ]+){4}Z$/);
    // The unit in the middle of its district is in the middle of the map.
    expect(map.points[0]).toMatchObject({ x: MAP_SIZE.width / 2, y: MAP_SIZE.height / 2 });
    expect(hotspotMap([unit('middle', 31.2, 121.45, 3, 1)]).boundary).toBe('');
  });
});
