import { describe, expect, it } from 'vitest';
import { DEFAULT_COVERAGE_RULE, haversineMetres, serviceCircle } from './service-circle.ts';

// Around Jing'an Temple, Shanghai: 0.01° of latitude is ~1,112 m.
const at = (latitude: number, longitude: number) => ({ latitude, longitude });
const room = { id: 'room', nameZh: '居民区工作室', nameEn: 'Room', kind: 'room', ...at(31.2235, 121.4455) };

describe('the 15-minute service circle', () => {
  it('measures great-circle distance', () => {
    expect(haversineMetres(at(31.2235, 121.4455), at(31.2335, 121.4455))).toBeCloseTo(1112, -1);
    expect(haversineMetres(room, room)).toBe(0);
  });

  it('covers a town community within 1.2 km of walking (straight line × 1.3) and lists the gaps, farthest first', () => {
    const near = {
      id: 'near',
      nameZh: '近社区',
      nameEn: 'Near',
      settlement: 'town' as const,
      ...at(31.2305, 121.4455),
    };
    // 0.0083° ≈ 923 m straight, ≈ 1,200 m walking: just inside; 0.0090° ≈ 1,301 m walking: outside.
    const edge = {
      id: 'edge',
      nameZh: '边缘社区',
      nameEn: 'Edge',
      settlement: 'town' as const,
      ...at(31.2318, 121.4455),
    };
    const far = {
      id: 'far',
      nameZh: '远社区',
      nameEn: 'Far',
      settlement: 'town' as const,
      ...at(31.2325, 121.4455),
    };
    const village = {
      id: 'village',
      nameZh: '某村',
      nameEn: 'Village',
      settlement: 'village' as const,
      ...at(31.2325, 121.4455),
    };
    const result = serviceCircle([near, edge, far, village], [room], DEFAULT_COVERAGE_RULE);
    expect(result.communities).toBe(4);
    expect(result.gaps.map((g) => g.community.id)).toEqual(['far']);
    expect(result.gaps[0]?.nearest?.walkingMetres).toBeCloseTo(1301, -1);
    // The same distance is inside a village's 2 km.
    expect(result.covered).toBe(3);
    expect(result.share).toBe(0.75);
  });

  it('has no share without communities, and no nearest point without service points', () => {
    expect(serviceCircle([], [room], DEFAULT_COVERAGE_RULE).share).toBeNull();
    const lone = { id: 'x', nameZh: '社区', nameEn: 'C', settlement: 'town' as const, ...at(31.2, 121.4) };
    expect(serviceCircle([lone], [], DEFAULT_COVERAGE_RULE).gaps[0]).toMatchObject({
      nearest: null,
      covered: false,
    });
  });
});
